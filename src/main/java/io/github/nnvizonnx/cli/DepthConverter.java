package io.github.nnvizonnx.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --depth}: a positive number, or {@code all} (returned as null: no level is collapsed). */
final class DepthConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            int depth = Integer.parseInt(value.strip());
            if (depth >= 1) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new TypeConversionException("'" + value + "' is not a depth (use 1, 2, 3, ... or all)");
    }
}
