package io.github.nnvizonnx.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --depth}: {@code auto}, {@code all}, or a positive number. */
final class DepthConverter implements ITypeConverter<DepthConverter.Depth> {
    /** A depth as asked: {@code auto} chooses by the node budget; otherwise {@code levels}, null for every level. */
    record Depth(boolean auto, Integer levels) {
        static final Depth AUTO = new Depth(true, null);

        /** As written on the command line; picocli shows it as the default (a record's own is linked slowly). */
        @Override
        public String toString() {
            return auto ? "auto" : levels == null ? "all" : levels.toString();
        }
    }

    @Override
    public Depth convert(String value) {
        String text = value.strip();
        if (text.equalsIgnoreCase("auto")) {
            return Depth.AUTO;
        }
        if (text.equalsIgnoreCase("all")) {
            return new Depth(false, null);
        }
        try {
            int depth = Integer.parseInt(text);
            if (depth >= 1) {
                return new Depth(false, depth);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new TypeConversionException("'" + value + "' is not a depth (use auto, all, or 1, 2, 3, ...)");
    }
}
