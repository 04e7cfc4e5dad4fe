package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.shapes.InputShape;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.shapes.ShapeRequest;
import io.github.nnvizonnx.shapes.ShapeRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The tensor-shape options (a mixin), turned into the shape request the library takes. */
final class ShapeOptions {
    @Option(names = "--shapes", paramLabel = "none|declared|run", defaultValue = "run", converter = ModeConverter.class,
            description = "Where edge shapes come from: nothing, what the file declares, or that plus one"
                    + " onnxruntime run that measures every tensor. Default: ${DEFAULT-VALUE}.")
    private ShapeMode mode;

    @Option(names = "--dim", paramLabel = "NAME=VALUE",
            description = "Bind a symbolic dim, e.g. --dim batch=1 --dim sequence=128 (repeatable). A run sets"
                    + " unbound dims to 1.")
    private Map<String, Long> dims = new LinkedHashMap<>();


    @Option(names = "--shapes-memory-limit", paramLabel = "SIZE", defaultValue = "2g", converter = SizeConverter.class,
            description = "The memory the onnxruntime run may use (e.g. 512m, 4g): no run when its inputs and tensors"
                    + " would need more, and a run that takes more is stopped."
                    + " Default: ${DEFAULT-VALUE}.")
    private long memoryLimit;

    @Option(names = "--shapes-time-limit", paramLabel = "SECONDS", defaultValue = "60",
            converter = SecondsConverter.class,
            description = "Give up a run after this many seconds. Default: ${DEFAULT-VALUE}.")
    private Duration timeLimit;

    @Option(names = "--shapes-operation-limit", paramLabel = "N", defaultValue = "20000",
            description = "No run on a model with more operations than this (100,000 operations take onnxruntime"
                    + " some 20 s). Default: ${DEFAULT-VALUE}.")
    private long operationLimit;

    @Option(names = "--show-dtypes", description = "Label tensors with their element type too: float32 1×3×224×224"
            + " (quantized ones, uint8 and the like, always show it).")
    private boolean showDtypes;

    boolean showDtypes() {
        return showDtypes;
    }

    /** {@code inputSpecs}: the {@code --input} values (shared with the converter, see ConverterOptions). */
    ShapeRequest request(List<String> inputSpecs) {
        List<InputShape> inputs = new ArrayList<>();
        InputShapeConverter parser = new InputShapeConverter();
        for (String spec : inputSpecs) {
            try {
                inputs.add(parser.convert(spec));
            } catch (TypeConversionException e) {
                throw new ShapeRequestException(e.getMessage());
            }
        }
        return new ShapeRequest(mode, dims, inputs, memoryLimit, timeLimit, operationLimit);
    }

    /** {@code none}, {@code declared}, {@code run}, in any case. */
    static final class ModeConverter implements ITypeConverter<ShapeMode> {
        @Override
        public ShapeMode convert(String value) {
            for (ShapeMode m : ShapeMode.values()) {
                if (m.userName().equalsIgnoreCase(value.strip())) {
                    return m;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a shapes mode (use none, declared or run)");
        }
    }

    /** {@code NAME=1x3x224x224}, {@code NAME=default}, or the shape alone for the one image-like input. */
    static final class InputShapeConverter implements ITypeConverter<InputShape> {
        @Override
        public InputShape convert(String value) {
            int eq = value.lastIndexOf('=');
            String name = eq < 0 ? null : value.substring(0, eq);
            if (name != null && name.isEmpty()) {
                throw new TypeConversionException("'" + value + "' names no input before '='");
            }
            String shape = value.substring(eq + 1).strip();
            int typed = shape.indexOf(':');
            // The converter's NAME=1x128:int64 carries a dtype for the example input; a shape run reads the file's.
            return new InputShape(name, dims(typed < 0 ? shape : shape.substring(0, typed).strip(), value));
        }

        private static List<Long> dims(String spec, String whole) {
            java.util.Optional<List<Long>> shorthand = InputShape.shorthand(spec);
            if (shorthand.isPresent()) {
                return shorthand.get();
            }
            if (spec.toLowerCase(Locale.ROOT).equals("scalar")) {
                return List.of();
            }
            List<Long> dims = new ArrayList<>();
            for (String part : spec.split("[x×X,*]", -1)) {
                try {
                    long d = Long.parseLong(part.strip());
                    if (d >= 1) {
                        dims.add(d);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
                throw new TypeConversionException("'" + whole + "' is not an input shape (use NAME=1x3x224x224,"
                        + " image224, tokens16, audio16000 or default; every dim 1 or more)");
            }
            return dims;
        }
    }

    /** A byte count: {@code 2g}, {@code 512m}, {@code 64k}, {@code 1.5GiB}, or plain bytes. */
    static final class SizeConverter implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?",
                Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.strip());
            if (m.matches()) {
                int power = "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
                double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
                if (bytes >= 1 && bytes < Long.MAX_VALUE) {
                    return (long) bytes;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a memory size (use e.g. 512m or 2g)");
        }
    }

    /** A positive number of seconds, fractions allowed. */
    static final class SecondsConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds > 0 && seconds < 1e9) {
                    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not a number of seconds");
        }
    }
}
