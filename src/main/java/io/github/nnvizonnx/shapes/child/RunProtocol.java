package io.github.nnvizonnx.shapes.child;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.shapes.RunInput;
import io.github.nnvizonnx.shapes.RunPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parent and the run's child process tell each other, as lines of words: the {@link RunPlan} one way, the
 * tensors each run saw (or why it failed) the other. Every string is written as {@code =} and its characters, with
 * {@code %}, space and control characters as {@code %XX}; null is {@code -}. Reading is strict: anything else, a
 * JVM's crash banner say, is a {@link Malformed} error, never a guess.
 */
public final class RunProtocol {
    private static final String PLAN = "nnviz-onnx-plan 1";
    private static final String RESULT = "nnviz-onnx-result 1";
    private static final String END = "end";

    /** Text that does not follow the protocol. */
    public static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    /** What the child sent back: each run's tensors (null for a variant that failed), or why the run failed. */
    public record Result(List<Map<String, TensorInfo>> runs, String failure) {
    }

    private RunProtocol() {
    }

    /** Writes {@code plan} with its paths made absolute: the child works in a folder of its own. */
    public static void writePlan(RunPlan plan, int threads, Writer out) throws IOException {
        out.write(PLAN + "\n");
        out.write("model " + string(plan.model().toAbsolutePath().toString()) + "\n");
        out.write("folder " + string(plan.externalDataFolder() == null ? null
                : plan.externalDataFolder().toAbsolutePath().toString()) + "\n");
        out.write("threads " + threads + "\n");
        out.write("inline " + plan.inlineFunctions() + "\n");
        for (String name : plan.extraOutputs()) {
            out.write("output " + string(name) + "\n");
        }
        writeInputs(plan.inputs(), out);
        for (List<RunInput> variant : plan.variants()) {
            out.write("variant\n");
            writeInputs(variant, out);
        }
        out.write(END + "\n");
        out.flush();
    }

    private static void writeInputs(List<RunInput> inputs, Writer out) throws IOException {
        for (RunInput input : inputs) {
            out.write("input " + string(input.name()) + " " + input.fill() + " " + longs(input.dims()) + "\n");
        }
    }

    /** A plan read, with the number of threads onnxruntime may use. */
    public record Request(RunPlan plan, int threads) {
    }

    public static Request readPlan(BufferedReader in) throws IOException {
        expect(in, PLAN);
        Path model = Path.of(requireValue(value(field(in, "model"))));
        String folder = value(field(in, "folder"));
        int threads = parseInt(field(in, "threads"));
        boolean inline = parseBoolean(field(in, "inline"));
        List<String> outputs = new ArrayList<>();
        List<RunInput> inputs = new ArrayList<>();
        List<List<RunInput>> variants = new ArrayList<>();
        List<RunInput> current = inputs;
        for (String line = next(in); !line.equals(END); line = next(in)) {
            String[] words = line.split(" ", -1);
            switch (words[0]) {
                case "output" -> {
                    check(words.length == 2 && current == inputs, line);
                    outputs.add(requireValue(value(words[1])));
                }
                case "input" -> {
                    check(words.length == 4, line);
                    current.add(new RunInput(requireValue(value(words[1])), parseLongs(words[3]), fill(words[2])));
                }
                case "variant" -> {
                    check(words.length == 1, line);
                    current = new ArrayList<>();
                    variants.add(current);
                }
                default -> throw new Malformed("unexpected line: " + shown(line));
            }
        }
        return new Request(new RunPlan(model, folder == null ? null : Path.of(folder), inputs, outputs, variants,
                inline), threads);
    }

    public static void writeResult(List<Map<String, TensorInfo>> runs, Writer out) throws IOException {
        out.write(RESULT + "\n");
        for (Map<String, TensorInfo> run : runs) {
            if (run == null) {
                out.write("run-failed\n");
                continue;
            }
            out.write("run\n");
            for (TensorInfo t : run.values()) {
                out.write("tensor " + string(t.name()) + " " + string(t.elementType()) + " " + shape(t.shape())
                        + "\n");
            }
        }
        out.write(END + "\n");
        out.flush();
    }

    public static void writeFailure(String why, Writer out) throws IOException {
        out.write(RESULT + "\n" + "failure " + string(why) + "\n" + END + "\n");
        out.flush();
    }

    public static Result readResult(BufferedReader in) throws IOException {
        expect(in, RESULT);
        List<Map<String, TensorInfo>> runs = new ArrayList<>();
        Map<String, TensorInfo> current = null;
        String failure = null;
        for (String line = next(in); !line.equals(END); line = next(in)) {
            String[] words = line.split(" ", -1);
            switch (words[0]) {
                case "run" -> {
                    check(words.length == 1 && failure == null, line);
                    current = new LinkedHashMap<>();
                    runs.add(current);
                }
                case "run-failed" -> {
                    check(words.length == 1 && !runs.isEmpty(), line);
                    current = null;
                    runs.add(null);
                }
                case "tensor" -> {
                    check(words.length == 4 && current != null, line);
                    String name = requireValue(value(words[1]));
                    current.put(name, new TensorInfo(name, value(words[2]), parseShape(words[3])));
                }
                case "failure" -> {
                    check(words.length == 2 && runs.isEmpty() && failure == null, line);
                    failure = requireValue(value(words[1]));
                }
                default -> throw new Malformed("unexpected line: " + shown(line));
            }
        }
        check(failure != null || !runs.isEmpty() && runs.get(0) != null, "no run");
        return new Result(failure == null ? runs : List.of(), failure);
    }

    // --- words ---

    static String string(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(s.length() + 1).append('=');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == ' ' || c < 0x20 || c == 0x7f) {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String value(String word) throws Malformed {
        if (word.equals("-")) {
            return null;
        }
        check(word.startsWith("="), word);
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '%') {
                int high = i + 1 < word.length() ? Character.digit(word.charAt(i + 1), 16) : -1;
                int low = i + 2 < word.length() ? Character.digit(word.charAt(i + 2), 16) : -1;
                check(high >= 0 && low >= 0, word);
                out.append((char) (high << 4 | low));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String longs(List<Long> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return out.append(']').toString();
    }

    private static List<Long> parseLongs(String word) throws Malformed {
        List<Long> values = new ArrayList<>();
        for (String item : items(word)) {
            values.add(parseLong(item));
        }
        return values;
    }

    /** {@code [1,16,?]}: unknown dims as {@code ?}; null as {@code -}. */
    private static String shape(Shape shape) {
        if (shape == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < shape.rank(); i++) {
            Dim dim = shape.dims().get(i);
            out.append(i == 0 ? "" : ",").append(dim.isKnown() ? dim.value().toString() : "?");
        }
        return out.append(']').toString();
    }

    private static Shape parseShape(String word) throws Malformed {
        if (word.equals("-")) {
            return null;
        }
        List<Dim> dims = new ArrayList<>();
        for (String item : items(word)) {
            dims.add(item.equals("?") ? Dim.UNKNOWN : Dim.of(parseLong(item)));
        }
        return new Shape(dims);
    }

    private static List<String> items(String word) throws Malformed {
        check(word.length() >= 2 && word.startsWith("[") && word.endsWith("]"), word);
        String inner = word.substring(1, word.length() - 1);
        return inner.isEmpty() ? List.of() : List.of(inner.split(",", -1));
    }

    private static RunInput.Fill fill(String word) throws Malformed {
        for (RunInput.Fill fill : RunInput.Fill.values()) {
            if (fill.name().equals(word)) {
                return fill;
            }
        }
        throw new Malformed("unknown fill: " + shown(word));
    }

    private static long parseLong(String word) throws Malformed {
        check(word.matches("-?[0-9]{1,19}"), word);
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new Malformed("not a number: " + shown(word));
        }
    }

    private static int parseInt(String word) throws Malformed {
        long value = parseLong(word);
        check(value > 0 && value < 1024, word);
        return (int) value;
    }

    private static boolean parseBoolean(String word) throws Malformed {
        check(word.equals("true") || word.equals("false"), word);
        return word.equals("true");
    }

    // --- lines ---

    private static String next(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new Malformed("the text ends before '" + END + "'");
        }
        return line;
    }

    private static void expect(BufferedReader in, String header) throws IOException {
        String line = next(in);
        check(line.equals(header), line);
    }

    /** The one word of a line {@code key word}. */
    private static String field(BufferedReader in, String key) throws IOException {
        String line = next(in);
        check(line.startsWith(key + " ") && line.indexOf(' ', key.length() + 1) < 0, line);
        return line.substring(key.length() + 1);
    }

    private static String requireValue(String value) throws Malformed {
        check(value != null, "-");
        return value;
    }

    private static void check(boolean ok, String what) throws Malformed {
        if (!ok) {
            throw new Malformed("unexpected text: " + shown(what));
        }
    }

    private static String shown(String text) {
        return io.github.nnvizonnx.model.DisplayText.clip(string(text), 80);
    }
}
