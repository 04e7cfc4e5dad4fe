package io.github.nnvizonnx.shapes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shape given for a graph input on the command line. {@code input} null means "the model's single image-like
 * input" (the NNViz shortcuts {@code default} and {@code image224} name no input).
 */
public record InputShape(String input, List<Long> dims) {
    /** NNViz's {@code default} and {@code image224}: one RGB image of 224×224 pixels. */
    public static final List<Long> IMAGE_224 = List.of(1L, 3L, 224L, 224L);

    /** {@code image224}, {@code tokens16}, {@code audio16000}: the kind, and the size (or the run's example size). */
    private static final Pattern SHORTHAND = Pattern.compile("(image|tokens|audio)(\\d{0,9})");

    public InputShape {
        dims = List.copyOf(dims);
    }

    /**
     * The dims a shorthand stands for, the same as in the converter: {@code default} and {@code imageN} an RGB
     * image (1×3×N×N, N = 224 when left out), {@code tokensN} a token sequence (1×N, 16), {@code audioN} a
     * waveform (1×N samples, 16000); empty for anything else.
     */
    public static Optional<List<Long>> shorthand(String spec) {
        String lower = spec.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("default")) {
            return Optional.of(IMAGE_224);
        }
        Matcher m = SHORTHAND.matcher(lower);
        if (!m.matches()) {
            return Optional.empty();
        }
        String kind = m.group(1);
        long size = m.group(2).isEmpty() ? switch (kind) {
            case "image" -> 224;
            case "tokens" -> 16;
            default -> 16000;
        } : Long.parseLong(m.group(2));
        if (size < 1) {
            return Optional.empty();
        }
        return Optional.of(kind.equals("image") ? List.of(1L, 3L, size, size) : List.of(1L, size));
    }
}
