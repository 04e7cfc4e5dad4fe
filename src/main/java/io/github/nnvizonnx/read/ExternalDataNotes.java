package io.github.nnvizonnx.read;

import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader notices about tensors stored outside the model file, without opening those files: every location
 * once (what a runtime would have to read), how many bytes each must hold for the tensors the model puts there, and
 * the tensors whose location {@link ExternalDataPolicy} would refuse, reported as one warning line.
 */
final class ExternalDataNotes {
    /** Each location once, in the order first met, with its problem ("" when it has none): weights share a file. */
    private final Map<String, String> problems = new LinkedHashMap<>();
    /** The end of the furthest extent each location's tensors declare. */
    private final Map<String, Long> extents = new LinkedHashMap<>();
    private int refused;
    private String firstTensor;
    private String firstLocation;
    private String firstProblem;

    void note(TensorProto tensor) {
        note(FastDecoders.WeightHeader.of(tensor));
    }

    /** An initializer as the fast decoder read it; nothing when its data is in the model file. */
    void note(FastDecoders.WeightHeader w) {
        if (w.location() == null) {
            return;
        }
        note(w.name(), w.location());
        extents.merge(w.location(), extent(w), Math::max);
    }

    /**
     * Where the tensor's data ends in its file: offset + length, or offset + the tensor's own byte size when no
     * length is given. An offset or length that is not a whole number ends past any file ({@link Long#MAX_VALUE}).
     */
    static long extent(FastDecoders.WeightHeader w) {
        long offset = w.offset() == null ? 0 : wholeOrMax(w.offset());
        long length = w.length() == null ? DataTypes.byteSize(w.dataType(), w.dims()) : wholeOrMax(w.length());
        return io.github.nnvizonnx.model.DisplayText.saturatingAdd(offset, length);
    }

    private static long wholeOrMax(String text) {
        try {
            long value = Long.parseLong(text.strip());
            return value < 0 ? Long.MAX_VALUE : value;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** For each location, how many bytes its file must hold at least. */
    Map<String, Long> extents() {
        return extents;
    }

    /** A tensor stored outside the file, at {@code location} (the last {@code location} entry it has). */
    private void note(String tensor, String location) {
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
        return List.of(ExternalDataPolicy.READER_NOTE_START + ExternalDataPolicy.printable(firstTensor) + "'" + others
                + " is at '" + ExternalDataPolicy.printable(firstLocation) + "', which would be refused when weights"
                + " are read: " + firstProblem + "; drawing does not read weights");
    }
}
