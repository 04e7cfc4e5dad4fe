package io.github.nnvizonnx.shapes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One input of a run: its name, its concrete dims and what to fill it with. Zeros, except where zero is not a
 * valid value: integer or boolean inputs named like ids, indices, positions or masks get ones (token 1 exists in
 * every vocabulary; an all-zero attention mask hides everything).
 */
public record RunInput(String name, List<Long> dims, Fill fill) {
    /** What every element of an input is set to. */
    public enum Fill {
        ZEROS, ONES
    }

    private static final Set<String> ONE_WORDS = Set.of("id", "ids", "index", "indices", "idx", "mask", "masks",
            "position", "positions", "pos");
    private static final Set<String> INTEGER_TYPES = Set.of("int8", "int16", "int32", "int64", "uint8", "uint16",
            "uint32", "uint64", "bool");

    public RunInput {
        dims = List.copyOf(dims);
    }

    /** The input with the fill its name and element type call for ({@code elementType} may be null). */
    public static RunInput of(String name, List<Long> dims, String elementType) {
        boolean integer = elementType == null || INTEGER_TYPES.contains(elementType);
        return new RunInput(name, dims, integer && namesAnIndex(name) ? Fill.ONES : Fill.ZEROS);
    }

    /** Whether one of the words of {@code name} ({@code input_ids}, {@code attentionMask}) says index or mask. */
    static boolean namesAnIndex(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(spaced.split("[^a-z0-9]+")).anyMatch(ONE_WORDS::contains);
    }

    public long[] shape() {
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
