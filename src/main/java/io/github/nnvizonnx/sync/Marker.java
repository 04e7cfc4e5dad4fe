package io.github.nnvizonnx.sync;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line {@code <!-- nnviz-onnx MODEL [OPTIONS] -->} in a Markdown file: the diagram of MODEL, drawn with OPTIONS,
 * belongs in the fenced Mermaid block right below it. The marker itself is never rewritten.
 *
 * @param line the marker's line number, from 1
 * @param model MODEL as written: a path relative to the Markdown file's folder, or a model spec
 * @param options the options after MODEL, split as a shell would split them
 */
public record Marker(int line, String model, List<String> options) {
    /** Up to three spaces (more would make an indented code block), then the comment naming the tool. */
    private static final Pattern START = Pattern.compile(" {0,3}<!--\\s*nnviz-onnx(?=\\s|-->|$)(.*)");
    private static final String END = "-->";

    public Marker {
        options = List.copyOf(options);
    }

    /**
     * The marker {@code text} (line {@code line}) is, or empty when it is no marker; throws
     * {@link MarkerException} for a line that is meant as one but malformed.
     */
    static Optional<Marker> parse(String text, int line) {
        Matcher m = START.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(1).stripTrailing();
        if (!rest.endsWith(END)) {
            throw new MarkerException(line, "the marker must end with --> on its own line: <!-- nnviz-onnx MODEL"
                    + " [OPTIONS] -->");
        }
        List<String> arguments;
        try {
            arguments = MarkerArguments.split(rest.substring(0, rest.length() - END.length()));
        } catch (IllegalArgumentException e) {
            throw new MarkerException(line, e.getMessage() + " in the marker");
        }
        if (arguments.isEmpty() || arguments.get(0).startsWith("-")) {
            throw new MarkerException(line, "the marker must name the model first: <!-- nnviz-onnx MODEL [OPTIONS]"
                    + " -->");
        }
        return Optional.of(new Marker(line, arguments.get(0), arguments.subList(1, arguments.size())));
    }

    /** The indentation of the marker line, which a block inserted below it takes. */
    static String indentOf(String text) {
        return text.substring(0, text.length() - text.stripLeading().length());
    }
}
