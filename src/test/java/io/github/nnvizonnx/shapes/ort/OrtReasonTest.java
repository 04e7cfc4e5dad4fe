package io.github.nnvizonnx.shapes.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** onnxruntime's failures as its Java binding reports them, reduced to what a user can act on. */
class OrtReasonTest {
    @Test
    void aFailedNodeIsNamedWithItsReasonAndNothingOfOnnxruntimesSource() {
        String reported = "Error code - ORT_RUNTIME_EXCEPTION - message: Non-zero status code returned while running"
                + " Reshape node. Name:'p2o.Reshape.79' Status Message: /onnxruntime_src/onnxruntime/core/providers/"
                + "cpu/tensor/reshape_helper.h:30 onnxruntime::ReshapeHelper::ReshapeHelper(const onnxruntime::"
                + "TensorShape&, onnxruntime::TensorShapeVector&, bool) input_shape_size == requested_shape_size was"
                + " false. The input tensor cannot be reshaped to the requested shape. Input shape:{1,112,120},"
                + " requested shape:{1,1,28,120}\n\nstack trace follows";
        assertEquals("Reshape 'p2o.Reshape.79' failed: The input tensor cannot be reshaped to the requested shape."
                + " Input shape:{1,112,120}, requested shape:{1,1,28,120}", OrtShapeRunner.firstLine(reported));
    }

    @Test
    void otherMessagesLoseOnlyTheSourcePlace() {
        assertEquals("Load model from memory failed:This is an invalid model. Error: two nodes with same node name.",
                OrtShapeRunner.firstLine("Error code - ORT_INVALID_GRAPH - message: Load model from memory failed:"
                        + "This is an invalid model. Error: two nodes with same node name."));
        assertEquals("Failed to allocate memory for requested buffer of size 6400000000",
                OrtShapeRunner.firstLine("Error code - ORT_RUNTIME_EXCEPTION - message: /onnxruntime_src/onnxruntime/"
                        + "core/framework/bfc_arena.cc:376 void* onnxruntime::BFCArena::AllocateRawInternal(size_t,"
                        + " bool, onnxruntime::Stream*, bool, onnxruntime::WaitNotificationFn) Failed to allocate"
                        + " memory for requested buffer of size 6400000000"));
        assertEquals("no reason given", OrtShapeRunner.firstLine(null));
    }
}
