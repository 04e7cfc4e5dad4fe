package io.github.nnvizonnx.shapes.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's cache of onnxruntime's native library: unpacked once, reused by the next run, and nothing left in
 * the temp folder. Each run is a child JVM, since a process loads the library only once.
 */
@Tag("slow") // a child JVM: left out of the quick tier (-Pquick)
class NativeLibraryCacheTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run draw(Path cache, Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path model = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx");
        Process p = new ProcessBuilder(java, "-D" + NativeLibrary.CACHE + "=" + cache,
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "io.github.nnvizonnx.cli.Main", model.toString(), "--depth", "all").start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void unpackedOnceThenReused() throws Exception {
        Path cache = dir.resolve("cache");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        Run first = draw(cache, tmp);
        assertEquals(0, first.code(), first.err());
        assertFalse(first.err().contains("warning"), "the run measured the shapes: " + first.err());
        assertTrue(first.out().contains("×"), "edges carry measured shapes: " + first.out());
        List<String> platforms = names(cache);
        assertEquals(1, platforms.size(), "one folder, for this platform, and no half-unpacked one: " + platforms);
        Path library = cache.resolve(platforms.get(0)).resolve(System.mapLibraryName("onnxruntime"));
        assertTrue(Files.size(library) > 1_000_000, library.toString());
        FileTime unpacked = Files.getLastModifiedTime(library);

        Run second = draw(cache, tmp);
        assertEquals(0, second.code(), second.err());
        assertEquals(first.out(), second.out());
        assertEquals(unpacked, Files.getLastModifiedTime(library), "not unpacked again");
        assertEquals(List.of(), names(tmp), "nothing left in the temp folder");
    }
}
