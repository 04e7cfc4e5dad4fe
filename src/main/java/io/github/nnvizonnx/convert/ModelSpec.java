package io.github.nnvizonnx.convert;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model named in its framework rather than an ONNX file: a torchvision builder ({@code resnet18}), a symbol in a
 * module ({@code package.module:Net}) or in a Python file ({@code path/to/model.py:Net}), each optionally followed by
 * constructor arguments ({@code ;width=32;depth=3}); or a model saved as a file: a TorchScript archive or a model
 * pickled with {@code torch.save} ({@link SavedModel}). {@code text} is the spec as typed; the converter parses it
 * again and is the authority on what it means, this class only decides whether the MODEL argument is a spec at all
 * and which source file the export depends on. For a pickled model, {@code symbol} is the class its pickle names.
 */
public record ModelSpec(String text, Kind kind, String target, String symbol, Map<String, String> arguments) {
    /** Where the model comes from. */
    public enum Kind {
        /** A torchvision.models builder name. */
        TORCHVISION,
        /** {@code package.module:Symbol}. */
        MODULE,
        /** {@code path/to/file.py:Symbol}. */
        FILE,
        /** A TorchScript archive ({@code torch.jit.save}), loaded with {@code torch.jit.load}. */
        TORCHSCRIPT,
        /** A whole model pickled with {@code torch.save}: loading it runs code, so only when trusted. */
        PICKLE
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public ModelSpec {
        arguments = Map.copyOf(arguments);
    }

    /**
     * The spec that {@code model} is, or empty when it names an ONNX file: an existing file is read as ONNX unless it
     * is a saved PyTorch model (a ZIP archive of torch's layout; a {@code .py} file needs its symbol), and so is
     * anything that is neither a bare identifier nor {@code something:Symbol} with a {@code .py} file or a module
     * name before the colon.
     *
     * @throws IllegalArgumentException for a spec that is recognisably meant as one but malformed
     * @throws ConversionException      for a saved file that holds weights only (a state dict): nothing to draw
     */
    public static Optional<ModelSpec> recognise(String model) {
        String stripped = model.strip();
        if (isExistingPath(stripped)) {
            if (stripped.endsWith(".py")) {
                throw new IllegalArgumentException("'" + stripped + "' is a Python file; name the model in it, e.g. "
                        + stripped + ":Net");
            }
            return SavedModel.inspect(Path.of(stripped)).map(saved -> saved(stripped, saved));
        }
        String[] parts = stripped.split(";", -1);
        String reference = parts[0].strip();
        Optional<ModelSpec> spec = reference(stripped, reference);
        if (spec.isPresent() && parts.length > 1) {
            return Optional.of(spec.get().withArguments(arguments(parts)));
        }
        return spec;
    }

    private static Optional<ModelSpec> reference(String text, String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon < 0) {
            return IDENTIFIER.matcher(reference).matches()
                    ? Optional.of(new ModelSpec(text, Kind.TORCHVISION, reference, null, Map.of()))
                    : Optional.empty();
        }
        String target = reference.substring(0, colon);
        String symbol = reference.substring(colon + 1);
        if (!DOTTED.matcher(symbol).matches()) {
            return Optional.empty(); // e.g. a Windows drive letter, C:\models\net.onnx
        }
        if (target.endsWith(".py")) {
            return Optional.of(new ModelSpec(text, Kind.FILE, target, symbol, Map.of()));
        }
        if (DOTTED.matcher(target).matches()) {
            return Optional.of(new ModelSpec(text, Kind.MODULE, target, symbol, Map.of()));
        }
        return Optional.empty();
    }

    private static ModelSpec saved(String file, SavedModel saved) {
        return switch (saved.kind()) {
            case TORCHSCRIPT -> new ModelSpec(file, Kind.TORCHSCRIPT, file, null, Map.of());
            case PICKLED_MODEL -> new ModelSpec(file, Kind.PICKLE, file, saved.objectClass(), Map.of());
            case WEIGHTS -> throw new ConversionException(file + " holds weights only (a state dict saved with"
                    + " torch.save), not a model; draw the class they belong to instead, e.g. nnviz-onnx model.py:Net"
                    + " (drawing needs no weights)");
        };
    }

    private static Map<String, String> arguments(String[] parts) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String item = parts[i].strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? "" : item.substring(0, eq).strip();
            if (!IDENTIFIER.matcher(key).matches()) {
                throw new IllegalArgumentException("constructor argument '" + item + "' is not key=value");
            }
            arguments.put(key, item.substring(eq + 1).strip());
        }
        return arguments;
    }

    private ModelSpec withArguments(Map<String, String> newArguments) {
        return new ModelSpec(text, kind, target, symbol, newArguments);
    }

    /**
     * The file the model comes from: the Python file for {@link Kind#FILE}, the saved model itself for
     * {@link #isSavedModel()}; its content is part of the cache key.
     */
    public Optional<Path> sourceFile() {
        return kind == Kind.FILE || isSavedModel() ? Optional.of(Path.of(target)) : Optional.empty();
    }

    /** Whether the model is a saved file (TorchScript or pickled), not code to build it. */
    public boolean isSavedModel() {
        return kind == Kind.TORCHSCRIPT || kind == Kind.PICKLE;
    }

    /** A short name for messages and file names: {@code resnet18}, {@code Net}, {@code model} for model.pt. */
    public String shortName() {
        if (isSavedModel()) {
            Path name = Path.of(target).getFileName();
            String file = name == null ? target : name.toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }
        return kind == Kind.TORCHVISION ? target : symbol.substring(symbol.lastIndexOf('.') + 1);
    }

    private static boolean isExistingPath(String model) {
        try {
            return Files.exists(Path.of(model));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
