package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.read.ExternalDataPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the external data files a model names before the runtime opens them: each must be allowed by
 * {@link ExternalDataPolicy} (a file inside the model's folder) and must exist.
 */
final class ExternalDataCheck {
    private ExternalDataCheck() {
    }

    /** The folder external data is read from: the model's own, made absolute. */
    static Path folder(Path model, List<String> locations) throws ShapeRunException {
        Path folder = model.toAbsolutePath().normalize().getParent();
        for (String location : locations) {
            String why = ExternalDataPolicy.whyRefused(model, location);
            String shown = ExternalDataPolicy.printable(location);
            if (why != null) {
                throw new ShapeRunException("refusing to read external data from '" + shown + "': " + why);
            }
            if (!Files.isRegularFile(folder.resolve(location))) {
                throw new ShapeRunException("external data file '" + shown + "' is missing next to the model");
            }
        }
        return folder;
    }
}
