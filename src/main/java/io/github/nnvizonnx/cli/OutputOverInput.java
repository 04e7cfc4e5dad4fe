package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.convert.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses an {@code -o} that names the input itself (or a link to it, or the Python file a spec names): the atomic
 * write would replace the model with its own diagram. Checked before anything is read or written.
 */
final class OutputOverInput {
    private OutputOverInput() {
    }

    /** The input file {@code output} would overwrite, or null when it overwrites none. */
    static Path overwritten(Path output, String model, Optional<ModelSpec> spec) {
        if (output == null || model == null || !Files.exists(output)) {
            return null;
        }
        List<Path> inputs = new ArrayList<>();
        try {
            inputs.add(Path.of(model));
        } catch (java.nio.file.InvalidPathException e) {
            // a spec, not a file name
        }
        spec.flatMap(ModelSpec::sourceFile).ifPresent(inputs::add);
        for (Path input : inputs) {
            try {
                if (Files.exists(input) && Files.isSameFile(output, input)) { // links followed, both ways
                    return input;
                }
            } catch (IOException e) {
                // one of them cannot be looked at: it is not the same readable file
            }
        }
        return null;
    }
}
