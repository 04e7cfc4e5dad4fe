package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure while emitting never leaves a partial file, never replaces a good one, and leaves no temp file. */
class AtomicFileTest {
    private static final String GOOD = "flowchart LR\n    a --> b\n";

    @TempDir
    Path dir;

    private Diagram diagram;

    @BeforeEach
    void realDiagram() {
        ModelGraph model = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));
        diagram = new Diagram(model, DrawOptions.defaults());
    }

    /** Writes the first half of the real Mermaid output, then fails the way the given exception says. */
    private record FailingHalfway(RuntimeException runtime, IOException io) implements Emitter {
        @Override
        public String format() {
            return "failing";
        }

        @Override
        public String description() {
            return "fails after writing half of a Mermaid diagram";
        }

        @Override
        public List<String> fileExtensions() {
            return List.of();
        }

        @Override
        public void write(Diagram diagram, Appendable out) throws IOException {
            StringBuilder whole = new StringBuilder();
            new MermaidEmitter().write(diagram, whole);
            out.append(whole, 0, whole.length() / 2);
            if (io != null) {
                throw io;
            }
            throw runtime;
        }
    }

    private void write(Path target, Emitter emitter) throws IOException {
        AtomicFile.write(target, out -> emitter.writeBytes(diagram, out));
    }

    @Test
    void anEmitterFailingMidwayLeavesNoFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("new.mmd");
        assertThrows(IOException.class, () -> write(target, new FailingHalfway(null, new IOException("disk full"))));
        assertThrows(IllegalStateException.class,
                () -> write(target, new FailingHalfway(new IllegalStateException("bug"), null)));
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void anEmitterFailingMidwayNeverReplacesAGoodFile() throws IOException {
        Path target = Files.writeString(dir.resolve("keep.mmd"), GOOD);
        assertThrows(IOException.class, () -> write(target, new FailingHalfway(null, new IOException("disk full"))));
        assertThrows(UncheckedIOException.class, () -> write(target,
                new FailingHalfway(new UncheckedIOException(new IOException("pipe")), null)));
        assertEquals(GOOD, Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void successReplacesTheFileWholeAndLeavesNoTempFile() throws IOException {
        Path target = Files.writeString(dir.resolve("diagram.mmd"), GOOD);
        write(target, new MermaidEmitter());
        StringBuilder expected = new StringBuilder();
        new MermaidEmitter().write(diagram, expected);
        assertEquals(expected.toString(), Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aTargetThatCannotBeReplacedStaysAsItWas() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("taken.mmd"));
        Files.writeString(directory.resolve("inside.txt"), "x");
        assertThrows(IOException.class, () -> write(directory, new MermaidEmitter()));
        assertEquals(List.of(directory), filesIn(dir));
        assertEquals("x", Files.readString(directory.resolve("inside.txt")));
        assertThrows(NoSuchFileException.class, () -> write(dir.resolve("missing/out.mmd"), new MermaidEmitter()));
        assertEquals(List.of(directory), filesIn(dir));
    }

    @Test
    void theFileGetsThePermissionsAPlainWriteWouldGive() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path fresh = dir.resolve("fresh.mmd");
        write(fresh, new MermaidEmitter());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "a temporary file alone would be private to its owner");

        Path shared = Files.writeString(dir.resolve("shared.mmd"), GOOD);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        write(shared, new MermaidEmitter());
        assertEquals(PosixFilePermissions.fromString("rw-rw-r--"), Files.getPosixFilePermissions(shared));
        assertFalse(Files.readString(shared).equals(GOOD));
        assertTrue(filesIn(dir).stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
