package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Shape;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code --input} values checked against the inputs they name: each input is given once, with as many dims as
 * the file declares, the same value where the file fixes a dim, and one value for each symbolic dim across all
 * {@code --input} and {@code --dim} values (unless the file itself uses the symbol for axes of different sizes).
 * A value that fits binds the input's symbolic dims, so that the rest of the graph (other inputs, declared outputs)
 * agrees with it.
 */
final class GivenInputs {
    /** The shape given for each input, by tensor name. */
    final Map<String, Shape> shapes = new LinkedHashMap<>();
    /** The symbolic dims that {@code --dim} or an input's value fixes. */
    final Map<String, Long> symbols = new LinkedHashMap<>();
    /** Who fixed each symbol, for messages: {@code --dim N=2} or an {@code --input} value. */
    private final Map<String, String> symbolSources = new LinkedHashMap<>();
    /** The {@code --input} value that gave each input, for messages. */
    private final Map<String, String> inputSources = new LinkedHashMap<>();

    private GivenInputs() {
    }

    /**
     * {@code dims}: the {@code --dim} values, already checked; {@code pick} finds the input an {@code --input} value
     * is for. Throws {@link ShapeRequestException} naming the input, its declared shape and the value given.
     */
    static GivenInputs check(Map<String, Long> dims, List<InputShape> given,
                             java.util.function.Function<InputShape, InputNode> pick) {
        GivenInputs result = new GivenInputs();
        dims.forEach((name, value) -> {
            result.symbols.put(name, value);
            result.symbolSources.put(name, "--dim " + name + "=" + value);
        });
        for (InputShape value : given) {
            result.add(value, pick.apply(value));
        }
        return result;
    }

    private void add(InputShape value, InputNode target) {
        String name = target.tensor().name();
        String option = option(value);
        String earlier = inputSources.putIfAbsent(name, option);
        if (earlier != null) {
            throw refused(option, "input '" + name + "' is given twice (also by " + earlier + ")");
        }
        Shape declared = target.tensor().shape();
        if (declared != null) {
            check(option, name, declared, value.dims());
        }
        shapes.put(name, Shape.of(value.dims().stream().mapToLong(Long::longValue).toArray()));
    }

    private void check(String option, String name, Shape declared, List<Long> dims) {
        String what = "input '" + name + "' is declared " + declared.compact();
        if (declared.rank() != dims.size()) {
            throw refused(option, what + " (" + declared.rank() + " dims), not " + dims.size() + " dims");
        }
        Map<String, Long> own = new LinkedHashMap<>();
        Set<String> reused = new HashSet<>();
        for (int axis = 0; axis < dims.size(); axis++) {
            Dim d = declared.dims().get(axis);
            long given = dims.get(axis);
            if (d.isKnown() && d.value() >= 0 && d.value() != given) {
                throw refused(option, what + ": its axis " + axis + " is fixed at " + d.value() + ", not " + given);
            }
            Long other = d.symbol() == null ? null : own.putIfAbsent(d.symbol(), given);
            if (other != null && other != given) {
                reused.add(d.symbol());
            }
        }
        // A file that names axes of different sizes with one symbol (MiniLM's inputs are batch×batch) does not
        // mean one size by it: the whole shape given is taken as it is, and the symbol is left to --dim.
        own.keySet().removeAll(reused);
        own.forEach((symbol, given) -> {
            Long bound = symbols.putIfAbsent(symbol, given);
            String source = symbolSources.putIfAbsent(symbol, option);
            if (bound != null && !bound.equals(given)) {
                throw refused(option, what + ", so " + symbol + " is " + given + " here, but " + source
                        + (source.startsWith("--dim") ? "" : " makes it " + bound));
            }
        });
    }

    /** The value as typed, near enough: {@code --input x=1x3x8}, or without the name when none was given. */
    private static String option(InputShape value) {
        String dims = value.dims().isEmpty() ? "scalar"
                : value.dims().stream().map(String::valueOf).collect(Collectors.joining("x"));
        return "--input " + (value.input() == null ? "" : DisplayText.clip(value.input(), 80) + "=") + dims;
    }

    private static ShapeRequestException refused(String option, String why) {
        return new ShapeRequestException(option + ": " + why);
    }
}
