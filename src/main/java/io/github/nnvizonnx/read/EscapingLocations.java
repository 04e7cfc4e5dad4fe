package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.List;

/**
 * The tensors whose external data location {@link ExternalDataPolicy} would refuse, noticed while reading (the
 * files are not opened: drawing does not need them) and reported as one warning line.
 */
final class EscapingLocations {
    private int count;
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
        String problem = ExternalDataPolicy.problem(location);
        if (problem != null && count++ == 0) {
            firstTensor = tensor.getName();
            firstLocation = location;
            firstProblem = problem;
        }
    }

    List<String> warnings() {
        if (count == 0) {
            return List.of();
        }
        String others = count == 1 ? "" : " (and " + (count - 1) + " more tensor" + (count == 2 ? "" : "s") + ")";
        return List.of("the external data of tensor '" + ExternalDataPolicy.printable(firstTensor) + "'" + others
                + " is at '" + ExternalDataPolicy.printable(firstLocation) + "', which would be refused when weights"
                + " are read: " + firstProblem + "; drawing does not read weights");
    }
}
