package io.github.nnvizonnx.testsupport;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What onnxruntime itself says the tensors of a model's top-level graph look like, found independently of the
 * shapes pass: the model is parsed whole (weights and all), every node output of the main graph becomes a graph
 * output, and the re-serialized model runs with integer inputs of ones.
 */
public final class OnnxruntimeOracle {
    private OnnxruntimeOracle() {
    }

    /** Tensor name to its shape as {@code 1×16×384}, for every top-level tensor onnxruntime returns. */
    public static Map<String, String> shapes(Path model, Map<String, long[]> inputShapes) {
        try {
            ModelProto.Builder proto = ModelProto.parseFrom(Files.readAllBytes(model)).toBuilder();
            GraphProto.Builder graph = proto.getGraphBuilder();
            Set<String> present = new HashSet<>();
            graph.getOutputList().forEach(o -> present.add(o.getName()));
            graph.getInputList().forEach(i -> present.add(i.getName()));
            for (NodeProto n : graph.getNodeList()) {
                for (String out : n.getOutputList()) {
                    if (!out.isEmpty() && present.add(out)) {
                        graph.addOutput(ValueInfoProto.newBuilder().setName(out));
                    }
                }
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                try (OrtSession session = env.createSession(proto.build().toByteArray(), options)) {
                    Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
                    for (Map.Entry<String, long[]> e : inputShapes.entrySet()) {
                        long[] ones = new long[(int) Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b)];
                        Arrays.fill(ones, 1L);
                        inputs.put(e.getKey(), OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ones),
                                e.getValue()));
                    }
                    Map<String, String> shapes = new LinkedHashMap<>();
                    try (OrtSession.Result result = session.run(inputs)) {
                        for (Map.Entry<String, OnnxValue> out : result) {
                            if (out.getValue() instanceof OnnxTensor t) {
                                shapes.put(out.getKey(), compact(t.getInfo().getShape()));
                            }
                        }
                    } finally {
                        inputs.values().forEach(OnnxTensor::close);
                    }
                    return shapes;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new AssertionError("onnxruntime failed on " + model + ": " + e.getMessage(), e);
        }
    }

    private static String compact(long[] shape) {
        return shape.length == 0 ? "scalar"
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("×"));
    }

    /** The names the oracle's model has as inputs, for tests that want to feed all of them. */
    public static List<String> inputNames(Path model) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(model)).getGraph().getInputList().stream()
                    .map(ValueInfoProto::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
