package io.github.nnvizonnx.read;

import java.util.regex.Pattern;

/**
 * What a drawing calls the model's inputs and outputs whose names an exporter generated: torch leaves outputs named
 * {@code 2463} or {@code onnx::Shape_2464}. Those are drawn {@code output}, {@code output 2}, … ({@code input}
 * alike, numbered in the graph's order); a name a person gave is drawn as it is. Formats that keep names (JSON,
 * GraphML) write the tensor's own.
 *
 * <p>The results of an If/Loop/Scan body are drawn {@code result}, {@code result 2}, … when a program named them:
 * besides the forms above, torch's {@code /stft/Conv_output_0} and the names converters join with {@code __}
 * ({@code If_0_then_branch__Introduce_0_outputs_1}, spox's).
 */
final class BoundaryLabels {
    /** A bare number, or torch's {@code onnx::} prefix for values it names after the op that made them. */
    private static final Pattern GENERATED = Pattern.compile("[0-9][0-9.]*|onnx::.*");

    /**
     * What a program names a body's results: {@link #GENERATED}, or what a converter or exporter joins ({@code __})
     * or numbers ({@code _output_0}).
     */
    private static final Pattern GENERATED_RESULT =
            Pattern.compile(GENERATED.pattern() + "|.*__.*|.*_outputs?_[0-9]+");

    private final String word;
    private final Pattern generated;
    private int given;

    private BoundaryLabels(String word, Pattern generated) {
        this.word = word;
        this.generated = generated;
    }

    static BoundaryLabels inputs() {
        return new BoundaryLabels("input", GENERATED);
    }

    static BoundaryLabels outputs() {
        return new BoundaryLabels("output", GENERATED);
    }

    /** For the results of one control-flow body. */
    static BoundaryLabels bodyResults() {
        return new BoundaryLabels("result", GENERATED_RESULT);
    }

    /** The label of the next input or output named {@code name}; null to show the name itself. */
    String labelFor(String name) {
        if (!generated.matcher(name).matches()) {
            return null;
        }
        given++;
        return given == 1 ? word : word + " " + given;
    }
}
