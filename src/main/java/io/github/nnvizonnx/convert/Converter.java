package io.github.nnvizonnx.convert;

/**
 * Turns a model named in its framework into an ONNX file that carries its module hierarchy. One implementation per
 * framework; each runs its script from {@code converters/<framework>/} as a subprocess.
 */
public interface Converter {
    /** The framework, e.g. {@code pytorch}; also the name of its folder under {@code converters/}. */
    String framework();

    /**
     * Exports the model, or finds an earlier export of the same model in the cache.
     *
     * @throws ConversionException when the model cannot be exported; its message is one line for the user
     */
    Export convert(ModelSpec spec, ConversionSettings settings);

    /** The ONNX file, and whether it came from the cache instead of a new export. */
    record Export(java.nio.file.Path onnx, boolean fromCache) {
    }
}
