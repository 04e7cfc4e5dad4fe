package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader notices about tensors stored outside the model file, without opening those files: every location
 * once (what a runtime would have to read), and the tensors whose location {@link ExternalDataPolicy} would refuse,
 * reported as one warning line.
 */
final class ExternalDataNotes {
    /** Each location once, in the order first met, with its problem ("" when it has none): weights share a file. */
    private final Map<String, String> problems = new LinkedHashMap<>();
    private int refused;
    private String firstTensor;
    private String firstLocation;
    private String firstProblem;

    void note(TensorProto tensor) {
        if (tensor.getDataLocation() != TensorProto.DataLocation.EXTERNAL) {
            return;
        }
        String location = "";
        for (StringStringEntryProto entry : tensor.getExternalDataList()) {
            if (entry.getKey().equals("location")) {
                location = entry.getValue();
            }
        }
        note(tensor.getName(), location);
    }

    /** A tensor stored outside the file, at {@code location} (the last {@code location} entry it has). */
    void note(String tensor, String location) {
        String problem = problems.computeIfAbsent(location, l -> {
            String why = ExternalDataPolicy.problem(l);
            return why == null ? "" : why;
        });
        if (!problem.isEmpty() && refused++ == 0) {
            firstTensor = tensor;
            firstLocation = location;
            firstProblem = problem;
        }
    }

    /** The locations, once each, in the order first met. */
    List<String> locations() {
        return List.copyOf(problems.keySet());
    }

    List<String> warnings() {
        if (refused == 0) {
            return List.of();
        }
        String others = refused == 1 ? "" : " (and " + (refused - 1) + " more tensor" + (refused == 2 ? "" : "s") + ")";
        return List.of("the external data of tensor '" + ExternalDataPolicy.printable(firstTensor) + "'" + others
                + " is at '" + ExternalDataPolicy.printable(firstLocation) + "', which would be refused when weights"
                + " are read: " + firstProblem + "; drawing does not read weights");
    }
}
