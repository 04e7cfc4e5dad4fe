package io.github.nnvizonnx.shapes.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.github.nnvizonnx.shapes.RunInput;
import io.github.nnvizonnx.shapes.ShapeRunException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input tensors of a run, one for each input the session requires, with the element type the session declares
 * and the shape and fill the plan gives. Data sits in direct buffers that onnxruntime reads in place.
 */
final class InputTensors {
    private InputTensors() {
    }

    /** Creates the inputs and records each one's type and shape in {@code seen}; closes what it made on failure. */
    static Map<String, OnnxTensor> create(OrtEnvironment env, Map<String, NodeInfo> required, List<RunInput> inputs,
                                          Map<String, io.github.nnvizonnx.model.TensorInfo> seen)
            throws ShapeRunException, OrtException {
        Map<String, RunInput> planned = new LinkedHashMap<>();
        inputs.forEach(i -> planned.put(i.name(), i));
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (NodeInfo node : required.values()) {
                RunInput input = planned.get(node.getName());
                if (input == null) {
                    throw new ShapeRunException("onnxruntime asks for input '" + node.getName()
                            + "', which the file does not declare");
                }
                if (!(node.getInfo() instanceof TensorInfo info)) {
                    throw new ShapeRunException("input '" + node.getName() + "' is not a tensor ("
                            + node.getInfo() + "); only tensor inputs can be filled");
                }
                OnnxTensor tensor = create(env, input, info);
                tensors.put(node.getName(), tensor);
                seen.put(node.getName(), OrtShapeRunner.describe(node.getName(), tensor.getInfo()));
            }
            return tensors;
        } catch (ShapeRunException | OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            throw e;
        }
    }

    private static OnnxTensor create(OrtEnvironment env, RunInput input, TensorInfo declared)
            throws ShapeRunException, OrtException {
        long[] shape = input.shape();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        OnnxJavaType type = declared.type;
        if (type == OnnxJavaType.STRING) {
            String[] values = new String[Math.toIntExact(count)];
            Arrays.fill(values, input.fill() == RunInput.Fill.ONES ? "1" : "");
            return OnnxTensor.createTensor(env, values, shape);
        }
        int width = width(type);
        if (width == 0) {
            throw new ShapeRunException("input '" + input.name() + "' has element type " + declared.onnxType
                    + ", which onnxruntime's Java API cannot create");
        }
        if (count * width > Integer.MAX_VALUE) {
            throw new ShapeRunException("input '" + input.name() + "' is larger than 2 GiB");
        }
        ByteBuffer data = ByteBuffer.allocateDirect(Math.toIntExact(count * width)).order(ByteOrder.nativeOrder());
        if (input.fill() == RunInput.Fill.ONES) {
            for (long i = 0; i < count; i++) {
                putOne(data, type);
            }
            data.flip();
        }
        return OnnxTensor.createTensor(env, data, shape, type);
    }

    /** Bytes per element, or 0 for types the Java API cannot create. */
    private static int width(OnnxJavaType type) {
        return switch (type) {
            case FLOAT, INT32 -> 4;
            case DOUBLE, INT64 -> 8;
            case INT16, FLOAT16, BFLOAT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> 0;
        };
    }

    private static void putOne(ByteBuffer data, OnnxJavaType type) {
        switch (type) {
            case FLOAT -> data.putFloat(1f);
            case DOUBLE -> data.putDouble(1d);
            case INT64 -> data.putLong(1L);
            case INT32 -> data.putInt(1);
            case INT16 -> data.putShort((short) 1);
            case FLOAT16 -> data.putShort((short) 0x3C00);
            case BFLOAT16 -> data.putShort((short) 0x3F80);
            default -> data.put((byte) 1);
        }
    }
}
