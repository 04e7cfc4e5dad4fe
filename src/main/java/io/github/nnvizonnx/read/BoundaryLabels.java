package io.github.nnvizonnx.read;

import java.util.regex.Pattern;

/**
 * What a drawing calls the model's inputs and outputs whose names an exporter generated: torch leaves outputs named
 * {@code 2463} or {@code onnx::Shape_2464}. Those are drawn {@code output}, {@code output 2}, … ({@code input}
 * alike, numbered in the graph's order); a name a person gave is drawn as it is. Formats that keep names (JSON,
 * GraphML) write the tensor's own.
 */
final class BoundaryLabels {
    /** A bare number, or torch's {@code onnx::} prefix for values it names after the op that made them. */
    private static final Pattern GENERATED = Pattern.compile("[0-9][0-9.]*|onnx::.*");

    private final String word;
    private int given;

    private BoundaryLabels(String word) {
        this.word = word;
    }

    static BoundaryLabels inputs() {
        return new BoundaryLabels("input");
    }

    static BoundaryLabels outputs() {
        return new BoundaryLabels("output");
    }

    /** The label of the next input or output named {@code name}; null to show the name itself. */
    String labelFor(String name) {
        if (!GENERATED.matcher(name).matches()) {
            return null;
        }
        given++;
        return given == 1 ? word : word + " " + given;
    }
}
