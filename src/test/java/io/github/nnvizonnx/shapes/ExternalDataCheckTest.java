package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalDataCheckTest {
    @TempDir
    Path dir;

    private String refusal(Path model, String location) {
        return assertThrows(ShapeRunException.class, () -> ExternalDataCheck.folder(model, List.of(location)))
                .getMessage();
    }

    @Test
    void locationsMustStayInsideTheModelsFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Path model = folder.resolve("m.onnx");
        Files.createDirectories(folder.resolve("weights"));
        Files.write(folder.resolve("weights/a.bin"), new byte[1]);
        Files.write(dir.resolve("secret.bin"), new byte[1]);
        assertEquals(folder, ExternalDataCheck.folder(model, List.of("weights/a.bin", "./weights/a.bin")));

        for (String escaping : List.of("../secret.bin", "weights/../../secret.bin", "/etc/passwd", "\\\\server\\x",
                "C:\\secret.bin", "")) {
            assertTrue(refusal(model, escaping).startsWith("refusing to read external data"), escaping);
        }
        assertTrue(refusal(model, "weights/b.bin").contains("missing"));
    }

    @Test
    void aLinkLeadingOutIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.write(dir.resolve("secret.bin"), new byte[1]);
        try {
            Files.createSymbolicLink(folder.resolve("link.bin"), dir.resolve("secret.bin"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        assertTrue(refusal(folder.resolve("m.onnx"), "link.bin").contains("a link that leads outside the model's folder"));
    }
}
