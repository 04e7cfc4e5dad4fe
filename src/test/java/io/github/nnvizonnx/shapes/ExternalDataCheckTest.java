package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalDataCheckTest {
    @TempDir
    Path dir;

    /** A model's facts naming {@code extents}' locations, each to hold its many bytes. */
    private static ModelInfo info(Map<String, Long> extents) {
        return new ModelInfo("m.onnx", 8, "", "", Map.of(), Map.of(), "g", "flat", List.copyOf(extents.keySet()),
                List.of(), 0, extents);
    }

    private static ModelInfo info(String... locations) {
        Map<String, Long> extents = new LinkedHashMap<>();
        for (String location : locations) {
            extents.put(location, 1L);
        }
        return info(extents);
    }

    private String refusal(Path model, String location) {
        return refusal(model, info(location));
    }

    private String refusal(Path model, ModelInfo info) {
        return assertThrows(ShapeRunException.class, () -> ExternalDataCheck.folder(model, info)).getMessage();
    }

    @Test
    void locationsMustStayInsideTheModelsFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Path model = folder.resolve("m.onnx");
        Files.createDirectories(folder.resolve("weights"));
        Files.write(folder.resolve("weights/a.bin"), new byte[1]);
        Files.write(dir.resolve("secret.bin"), new byte[1]);
        assertEquals(folder, ExternalDataCheck.folder(model, info("weights/a.bin", "./weights/a.bin")));

        for (String escaping : List.of("../secret.bin", "weights/../../secret.bin", "/etc/passwd", "\\\\server\\x",
                "C:\\secret.bin", "")) {
            assertTrue(refusal(model, escaping).startsWith("refusing to read external data"), escaping);
        }
        assertTrue(refusal(model, "weights/b.bin").contains("missing"));
    }

    @Test
    void hiddenFilesAndFoldersAreRefusedEvenInsideTheFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(folder.resolve(".keys"));
        Files.write(folder.resolve(".keys/id"), new byte[64]);
        Files.write(folder.resolve(".hidden.bin"), new byte[64]);
        Path model = folder.resolve("m.onnx");
        for (String hidden : List.of(".keys/id", "./.keys/id", ".hidden.bin", "sub/.x/../w.bin")) {
            assertTrue(refusal(model, hidden).contains("hidden") || refusal(model, hidden).contains(".."), hidden);
        }
        try {
            Files.createSymbolicLink(folder.resolve("w.bin"), folder.resolve(".keys/id"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        assertTrue(refusal(model, "w.bin").contains("a link to a hidden file"));
    }

    @Test
    void aFileShorterThanItsTensorsIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.write(folder.resolve("w.bin"), new byte[100]);
        Path model = folder.resolve("m.onnx");
        assertEquals(folder, ExternalDataCheck.folder(model, info(Map.of("w.bin", 100L))));
        assertTrue(refusal(model, info(Map.of("w.bin", 101L))).contains("holds 100 bytes, fewer than the 101"));
        assertTrue(refusal(model, info(Map.of("w.bin", Long.MAX_VALUE))).contains("unreadable extent"));
    }

    @Test
    void onlyRegularFilesAreRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(folder.resolve("adir"));
        Path model = folder.resolve("m.onnx");
        assertTrue(refusal(model, "adir").contains("not a regular file"));
        ExternalTools.require("mkfifo", Files.isExecutable(Path.of("/usr/bin/mkfifo")));
        assertEquals(0, new ProcessBuilder("mkfifo", folder.resolve("fifo").toString()).start().waitFor());
        assertTrue(refusal(model, "fifo").contains("not a regular file"), "checked without opening it");
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
