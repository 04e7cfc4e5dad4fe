package io.github.nnvizonnx.read;

import io.github.nnvizonnx.json.JsonModelException;
import io.github.nnvizonnx.json.ModelJsonReader;
import io.github.nnvizonnx.model.ModelGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads any model file nnviz-onnx understands: ONNX protobuf, or the JSON that its own JSON output holds (recognised
 * by a leading '{'), so that a diagram can be redrawn from the JSON alone.
 */
public final class ModelReader {
    private ModelReader() {
    }

    /** Reads {@code file}, naming the model by its file name. */
    public static ModelGraph read(Path file, OnnxReader.Options options) {
        return read(file, file.getFileName() == null ? file.toString() : file.getFileName().toString(), options);
    }

    /** {@code sourceName}: how the model is named in messages and in the model info (e.g. a converted spec). */
    public static ModelGraph read(Path file, String sourceName, OnnxReader.Options options) {
        OnnxReader.requireRegularFile(file);
        if (!looksLikeJson(file)) {
            return OnnxReader.read(file, sourceName, options);
        }
        try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return ModelJsonReader.read(in);
        } catch (JsonModelException e) {
            throw new InvalidModelException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file is nnviz-onnx JSON rather than ONNX (it starts with '{'). */
    public static boolean looksLikeJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (int i = 0; i < 64; i++) {
                int b = in.read();
                if (b == '{') {
                    return true;
                }
                if (b < 0 || !Character.isWhitespace(b)) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
