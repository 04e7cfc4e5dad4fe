package io.github.nnvizonnx.shapes;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A model whose local function calls are inlined ({@link FunctionInliner}) and which has more graph outputs, for a
 * run that returns the tensors inside calls. Unlike {@link AugmentedModel} it parses the model and writes it anew;
 * the file is mapped and parsed with aliasing, so the weights are copied once, into the buffer the runtime reads.
 */
final class InlinedModel {
    /** As deep as the reader reads nested bodies; deeper is refused, never a stack overflow. */
    private static final int RECURSION_LIMIT = 200;

    private InlinedModel() {
    }

    /** The model in {@code file}, parsed; its byte strings (the weights) are views of the mapped file. */
    static ModelProto parse(Path file) throws IOException {
        ByteBuffer mapped;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = in.map(FileChannel.MapMode.READ_ONLY, 0, in.size());
        }
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(mapped).newCodedInput();
        input.enableAliasing(true);
        input.setRecursionLimit(RECURSION_LIMIT);
        try {
            return ModelProto.parseFrom(input);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("the model file cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    /** The inlined model with {@code extraOutputNames} added as graph outputs, in a direct buffer. */
    static ByteBuffer read(Path file, List<String> extraOutputNames) throws IOException, ShapeRunException {
        ModelProto model = parse(file);
        FunctionInliner.Result inlined = FunctionInliner.inline(model);
        GraphProto.Builder graph = model.getGraph().toBuilder().clearNode().addAllNode(inlined.nodes());
        for (String name : extraOutputNames) {
            graph.addOutput(ValueInfoProto.newBuilder().setName(name));
        }
        ModelProto built = model.toBuilder().setGraph(graph).addAllOpsetImport(inlined.opsetImports())
                .clearFunctions().addAllFunctions(inlined.functions()).build();
        int size = built.getSerializedSize();
        if (size < 0) { // past 2 GiB the int overflows
            throw new ShapeRunException("the model file is larger than 2 GiB; onnxruntime cannot load it from"
                    + " memory");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        built.writeTo(out);
        out.flush();
        return buffer.flip();
    }
}
