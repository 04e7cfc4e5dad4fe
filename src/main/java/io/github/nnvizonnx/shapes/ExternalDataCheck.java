package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.read.ExternalDataPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.nnvizonnx.model.ModelInfo;

/**
 * Checks the external data files a model names before the runtime opens them: each must be allowed by
 * {@link ExternalDataPolicy} (a regular file inside the model's folder, on a path without hidden names, holding the
 * bytes the model's tensors declare there) and must exist.
 */
final class ExternalDataCheck {
    private ExternalDataCheck() {
    }

    /** The folder external data is read from: the model's own, made absolute. */
    static Path folder(Path model, ModelInfo info) throws ShapeRunException {
        Path folder = model.toAbsolutePath().normalize().getParent();
        for (String location : info.externalData()) {
            String why = ExternalDataPolicy.whyRefused(model, location,
                    info.externalDataExtents().getOrDefault(location, 0L));
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
