package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the reader notices about tensors stored outside the model file, without opening those files: every location
 * once (what a runtime would have to read), and the tensors whose location {@link ExternalDataPolicy} would refuse,
 * reported as one warning line.
 */
final class ExternalDataNotes {
    private final Set<String> locations = new LinkedHashSet<>();
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
        locations.add(location);
        String problem = ExternalDataPolicy.problem(location);
        if (problem != null && refused++ == 0) {
            firstTensor = tensor;
            firstLocation = location;
            firstProblem = problem;
        }
    }

    /** The locations, once each, in the order first met. */
    List<String> locations() {
        return List.copyOf(locations);
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
