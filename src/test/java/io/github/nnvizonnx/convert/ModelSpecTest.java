package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecTest {
    @TempDir
    Path dir;

    private static ModelSpec spec(String text) {
        return ModelSpec.recognise(text).orElseThrow(() -> new AssertionError("not a spec: " + text));
    }

    @Test
    void bareIdentifierIsATorchvisionName() {
        ModelSpec s = spec("resnet18");
        assertEquals(ModelSpec.Kind.TORCHVISION, s.kind());
        assertEquals("resnet18", s.target());
        assertEquals("resnet18", s.shortName());
        assertEquals(Optional.empty(), s.sourceFile());
        assertEquals(Map.of("num_classes", "10"), spec("resnet18;num_classes=10").arguments());
    }

    @Test
    void moduleAndFileSymbolsWithArguments() {
        ModelSpec module = spec("torchvision.models:vgg11");
        assertEquals(ModelSpec.Kind.MODULE, module.kind());
        assertEquals("torchvision.models", module.target());
        assertEquals("vgg11", module.symbol());

        ModelSpec file = spec("models/my_model.py:Outer.Net; width=32 ;depth=3;name='a=b';");
        assertEquals(ModelSpec.Kind.FILE, file.kind());
        assertEquals("models/my_model.py", file.target());
        assertEquals("Outer.Net", file.symbol());
        assertEquals("Net", file.shortName());
        assertEquals(Map.of("width", "32", "depth", "3", "name", "'a=b'"), file.arguments());
        assertEquals(Optional.of(Path.of("models/my_model.py")), file.sourceFile());
        assertEquals("models/my_model.py:Outer.Net; width=32 ;depth=3;name='a=b';", file.text(),
                "the converter gets the spec as typed");
    }

    @Test
    void onnxFileNamesAreNotSpecs() throws IOException {
        for (String path : new String[] {"model.onnx", "missing/model.onnx", "C:\\models\\net.onnx", "a b",
                "http://host/m.onnx", "dir/file:1", ""}) {
            assertEquals(Optional.empty(), ModelSpec.recognise(path), path);
        }
        Path existing = Files.createFile(dir.resolve("resnet18"));
        assertEquals(Optional.empty(), ModelSpec.recognise(existing.toString()), "an existing file is read as ONNX");
    }

    @Test
    void malformedSpecsAreUsageErrors() throws IOException {
        Path py = Files.writeString(dir.resolve("net.py"), "x = 1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.recognise(py.toString()));
        assertTrue(e.getMessage().contains(py + ":Net"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.recognise("resnet18;=3"));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.recognise("net.py:Net;width"));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.recognise("net.py:Net;1x=2"));
    }

    @Test
    void aZipArchiveIsASavedModelOnlyWithTorchsLayout() throws IOException {
        Path torchScript = zip("traced.pth", "traced/code/__torch__/m.py", "traced/constants.pkl", "traced/data.pkl");
        ModelSpec saved = spec(torchScript.toString());
        assertEquals(ModelSpec.Kind.TORCHSCRIPT, saved.kind());
        assertEquals("traced", saved.shortName());
        assertEquals(Optional.of(torchScript), saved.sourceFile(), "its content is part of the cache key");

        // data.pkl without code/ is torch.save's; a pickle that names no class is weights only, nothing is run
        Path weights = zip("weights.pt", "weights/data.pkl", "weights/data/0");
        ConversionException e = assertThrows(ConversionException.class, () -> ModelSpec.recognise(weights.toString()));
        assertTrue(e.getMessage().contains("weights only"), e.getMessage());

        for (Path other : new Path[] {zip("docs.zip", "readme.txt"), zip("two.pt", "a/data.pkl", "b/code/x.py"),
                Files.write(dir.resolve("cut.pt"), new byte[] {'P', 'K', 3, 4, 20, 0})}) {
            assertEquals(Optional.empty(), ModelSpec.recognise(other.toString()), "left to the ONNX reader: " + other);
        }
    }

    /** A ZIP archive of empty entries (an empty data.pkl is a pickle that names nothing). */
    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry));
                out.closeEntry();
            }
        }
        return file;
    }
}
