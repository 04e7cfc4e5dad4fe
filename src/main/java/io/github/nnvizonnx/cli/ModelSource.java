package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.read.InvalidModelException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The ONNX file to read for MODEL and the name to show for it. A cached export can go bad after it was written (a
 * full disk, a crash, an edit); rather than failing on every run until {@code --no-cache}, one that does not read
 * as ONNX is replaced by a new export, once, and that one is read.
 *
 * @param replacement how to export a cached model again; null for a file given as MODEL or a fresh export
 */
record ModelSource(Path file, String name, Replacement replacement) {
    /** Exports a model again after its cached export failed to read; returns the new file. */
    interface Replacement {
        Path exportAgain(InvalidModelException failure);
    }

    /** An ONNX file given as it is: nothing to export again. */
    static ModelSource given(Path file, String name) {
        return new ModelSource(file, name, null);
    }

    /** What {@code reader} makes of the file, or of its new export when it is a cached export that does not read. */
    <T> T read(Function<Path, T> reader) {
        try {
            return reader.apply(file);
        } catch (InvalidModelException e) {
            if (replacement == null) {
                throw e;
            }
            return reader.apply(replacement.exportAgain(e));
        }
    }
}
