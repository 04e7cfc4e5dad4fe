package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportKeyTest {
    @TempDir
    Path dir;

    private static final ExportKey BASE = new ExportKey("net.py:Net", "1x16", "python3", "abc", "v1");

    @Test
    void sameInputsSameKeyAndEveryPartCounts() {
        assertEquals(BASE.hash(), new ExportKey("net.py:Net", "1x16", "python3", "abc", "v1").hash());
        assertEquals(64, BASE.hash().length());
        List<ExportKey> variants = List.of(BASE,
                new ExportKey("net.py:Net;width=2", "1x16", "python3", "abc", "v1"),
                new ExportKey("net.py:Net", "1x32", "python3", "abc", "v1"),
                new ExportKey("net.py:Net", null, "python3", "abc", "v1"),
                new ExportKey("net.py:Net", "", "python3", "abc", "v1"),
                new ExportKey("net.py:Net", "1x16", "/usr/bin/python3", "abc", "v1"),
                new ExportKey("net.py:Net", "1x16", "python3", "abd", "v1"),
                new ExportKey("net.py:Net", "1x16", "python3", "abc", "v2"),
                new ExportKey("net.py:Net", "1x16", "python3", "abc", "v1", true),
                // the same characters split differently between parts
                new ExportKey("net.py:Net1", "x16", "python3", "abc", "v1"));
        Set<String> hashes = new HashSet<>();
        variants.forEach(k -> hashes.add(k.hash()));
        assertEquals(variants.size(), hashes.size());
    }

    @Test
    void keyFollowsTheSourceFileContent() throws IOException {
        Path py = Files.writeString(dir.resolve("net.py"), "class Net: pass\n");
        ModelSpec spec = ModelSpec.recognise(py + ":Net").orElseThrow();
        PyTorchConverter converter = new PyTorchConverter();
        ConversionSettings settings = new ConversionSettings("python3", null, dir, Duration.ofSeconds(1), true,
                line -> { });
        String before = converter.key(spec, settings).hash();
        assertEquals(before, converter.key(spec, settings).hash());
        Files.writeString(py, "class Net: width = 2\n");
        assertNotEquals(before, converter.key(spec, settings).hash());
        assertEquals(ExportKey.sha256Hex("class Net: width = 2\n".getBytes()),
                converter.key(spec, settings).sourceDigest());
        assertTrue(converter.key(ModelSpec.recognise("resnet18").orElseThrow(), settings).sourceDigest().isEmpty());
    }

    @Test
    void missingSourceFileIsAConversionError() {
        ModelSpec spec = ModelSpec.recognise(dir.resolve("gone.py") + ":Net").orElseThrow();
        ConversionSettings settings = new ConversionSettings("python3", null, dir, Duration.ofSeconds(1), true,
                line -> { });
        ConversionException e = org.junit.jupiter.api.Assertions.assertThrows(ConversionException.class,
                () -> new PyTorchConverter().convert(spec, settings));
        assertTrue(e.getMessage().startsWith("no such file: "), e.getMessage());
    }

    @Test
    void cacheDirectoryAndFileNames() {
        assertEquals(Path.of("/xdg/nnviz-onnx"), ExportCache.defaultDir(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nnviz-onnx"), ExportCache.defaultDir(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nnviz-onnx"),
                ExportCache.defaultDir(Map.of("XDG_CACHE_HOME", "relative"), "/home/u"), "the spec ignores relative");
        ModelSpec spec = ModelSpec.recognise("my model.py:Net").orElseThrow();
        Path file = new ExportCache(dir).exportFile(spec, BASE);
        assertEquals(dir.resolve("exports"), file.getParent());
        assertEquals("Net-" + BASE.hash().substring(0, 20) + ".onnx", file.getFileName().toString());
    }

    @Test
    void pythonFromOptionThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of(ConversionSettings.PYTHON_ENV, "/opt/py/bin/python");
        assertEquals("/usr/bin/python3", ConversionSettings.choosePython("/usr/bin/python3", env));
        assertEquals("/opt/py/bin/python", ConversionSettings.choosePython(null, env));
        assertEquals("python3", ConversionSettings.choosePython(null, Map.of()));
        assertEquals("python3", ConversionSettings.choosePython(" ", Map.of(ConversionSettings.PYTHON_ENV, "")));
    }
}
