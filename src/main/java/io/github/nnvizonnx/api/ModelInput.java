package io.github.nnvizonnx.api;

import io.github.nnvizonnx.convert.ConversionSettings;
import io.github.nnvizonnx.convert.Converter;
import io.github.nnvizonnx.convert.ModelSpec;
import io.github.nnvizonnx.convert.PyTorchConverter;
import io.github.nnvizonnx.read.InvalidModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The model file to draw and the name to show for it: an ONNX file, a JSON file written by the {@code json} format,
 * or the ONNX export of a PyTorch model ({@link #converted}). A cached export can go bad after it was written (a full
 * disk, a crash, an edit); rather than failing on every run until the cache is bypassed, one that does not read as
 * ONNX is replaced by a new export, once, and that one is read.
 */
public final class ModelInput {
    private final Path file;
    private final String name;
    private final Function<InvalidModelException, Path> exportAgain;

    private ModelInput(Path file, String name, Function<InvalidModelException, Path> exportAgain) {
        this.file = file;
        this.name = name;
        this.exportAgain = exportAgain;
    }

    /** A model file given as it is, named by its file name. */
    public static ModelInput file(Path file) {
        return file(file, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** A model file given as it is, named {@code name} in messages and in the model's info. */
    public static ModelInput file(Path file, String name) {
        return new ModelInput(file, name, null);
    }

    /**
     * The ONNX export of the PyTorch model {@code spec} names, converted now or taken from the cache. Throws
     * {@link io.github.nnvizonnx.convert.ConversionException} when the conversion fails.
     */
    public static ModelInput converted(ModelSpec spec, ConversionSettings settings) {
        Converter converter = new PyTorchConverter();
        Converter.Export export = converter.convert(spec, settings);
        if (!export.fromCache()) {
            return new ModelInput(export.onnx(), spec.text(), null);
        }
        return new ModelInput(export.onnx(), spec.text(), failure -> {
            settings.log().accept("dropping the cached export, " + failure.getMessage());
            deleteQuietly(export.onnx());
            return converter.convert(spec, settings.withoutCache()).onnx();
        });
    }

    /** The file that is read. */
    public Path file() {
        return file;
    }

    /** How the model is named in messages and in the model's info. */
    public String name() {
        return name;
    }

    /**
     * What {@code reader} makes of the file, or of its new export when it is a cached export that does not read.
     * Anything else that does not read throws {@link InvalidModelException}.
     */
    public <T> T read(Function<Path, T> reader) {
        try {
            return reader.apply(file);
        } catch (InvalidModelException e) {
            if (exportAgain == null) {
                throw e;
            }
            return reader.apply(exportAgain.apply(e));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the new export replaces it all the same
        }
    }
}
