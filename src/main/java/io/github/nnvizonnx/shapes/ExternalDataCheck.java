package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.DisplayText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the external data files a model names before any runtime opens them: each location must be a relative path
 * that stays inside the model's folder (no absolute path, no {@code ..}, no link leading out) and must exist.
 */
final class ExternalDataCheck {
    private ExternalDataCheck() {
    }

    /** The folder external data is read from: the model's own, made absolute. */
    static Path folder(Path model, List<String> locations) throws ShapeRunException {
        Path folder = model.toAbsolutePath().normalize().getParent();
        for (String location : locations) {
            check(folder, location);
        }
        return folder;
    }

    private static void check(Path folder, String location) throws ShapeRunException {
        String shown = DisplayText.clip(location, 80);
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            throw new ShapeRunException("external data location '" + shown + "' is not a valid path");
        }
        boolean absolute = relative.isAbsolute() || location.startsWith("/") || location.startsWith("\\")
                || location.matches("^[A-Za-z]:.*");
        boolean climbs = location.replace('\\', '/').matches("(^|.*/)\\.\\.(/.*|$)");
        if (location.isEmpty() || absolute || climbs) {
            throw new ShapeRunException("external data location '" + shown + "' points outside the model's folder;"
                    + " refusing to read it");
        }
        Path file = folder.resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new ShapeRunException("external data file '" + shown + "' is missing next to the model");
        }
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                throw new ShapeRunException("external data file '" + shown + "' links outside the model's folder;"
                        + " refusing to read it");
            }
        } catch (IOException e) {
            throw new ShapeRunException("external data file '" + shown + "' cannot be read (" + e.getMessage() + ")");
        }
    }
}
