package io.github.nnvizonnx.internal.io;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.MermaidEmitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HangGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure while emitting never leaves a partial file, never replaces a good one, and leaves no temp file; links
 * are written through, and what is not a plain file is written in place.
 */
class AtomicFileTest {
    private static final String GOOD = "flowchart LR\n    a --> b\n";

    @TempDir
    Path dir;

    private Diagram diagram;

    @BeforeEach
    void realDiagram() {
        ModelGraph model = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));
        diagram = Diagram.of(model, DrawOptions.defaults());
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
        assertEquals(mermaid(), Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aTargetThatCannotBeReplacedStaysAsItWas() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("taken.mmd"));
        Files.writeString(directory.resolve("inside.txt"), "x");
        assertThrows(IOException.class, () -> write(directory, new MermaidEmitter()));
        assertEquals(List.of(directory), filesIn(dir));
        assertEquals("x", Files.readString(directory.resolve("inside.txt")));
        assertEquals(List.of(directory), filesIn(dir));
    }

    @Test
    void aFailureNamesThePathTheUserGaveNotTheTemporaryFile() throws IOException {
        Path target = dir.resolve("missing/out.mmd");
        OutputFailure e = assertThrows(OutputFailure.class, () -> write(target, new MermaidEmitter()));
        assertEquals("cannot write to " + target + ": no such directory " + target.getParent(), e.getMessage());
        assertEquals(List.of(), filesIn(dir));

        Path link = Files.createSymbolicLink(dir.resolve("link.mmd"), Path.of("missing/real.mmd"));
        e = assertThrows(OutputFailure.class, () -> write(link, new MermaidEmitter()));
        assertTrue(e.getMessage().startsWith("cannot write to " + link + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void aLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.mmd"), GOOD);
        Path link = Files.createSymbolicLink(dir.resolve("link.mmd"), Path.of("real.mmd"));
        write(link, new MermaidEmitter());
        assertEquals(Path.of("real.mmd"), Files.readSymbolicLink(link));
        assertEquals(mermaid(), Files.readString(real));
        assertEquals(List.of(link, real), filesIn(dir));
    }

    @Test
    void theTemporaryFileIsMadeBesideTheLinkedFileAndADanglingLinkGetsItsFile() throws IOException {
        Path linkDir = Files.createDirectories(dir.resolve("links"));
        Path realDir = Files.createDirectories(dir.resolve("real"));
        Path existing = Files.writeString(realDir.resolve("existing.mmd"), GOOD);
        Path toExisting = Files.createSymbolicLink(linkDir.resolve("a.mmd"), Path.of("../real/existing.mmd"));
        Path toNew = Files.createSymbolicLink(linkDir.resolve("b.mmd"), realDir.resolve("new.mmd"));
        Path chain = Files.createSymbolicLink(linkDir.resolve("c.mmd"), Path.of("b.mmd"));
        write(toExisting, new MermaidEmitter());
        write(chain, new MermaidEmitter());
        assertEquals(mermaid(), Files.readString(existing));
        assertEquals(mermaid(), Files.readString(realDir.resolve("new.mmd")));
        assertEquals(List.of(toExisting, toNew, chain), filesIn(linkDir), "the links stay, nothing is added");
        assertEquals(List.of(existing, realDir.resolve("new.mmd")), filesIn(realDir));
    }

    /** A FIFO stands in for every file that is not a plain file: devices such as /dev/null take the same path. */
    @Test
    void aFifoIsWrittenInPlaceNotReplaced() throws Exception {
        ExternalTools.require("mkfifo", ExternalTools.onPath("mkfifo"));
        Path fifo = dir.resolve("pipe.mmd");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Path link = Files.createSymbolicLink(dir.resolve("link.mmd"), fifo.getFileName());
        for (Path target : List.of(fifo, link)) {
            FutureTask<byte[]> reader = new FutureTask<>(() -> Files.readAllBytes(fifo));
            Thread thread = new Thread(reader, "fifo reader");
            thread.setDaemon(true); // if the FIFO were replaced, nobody would ever write to what it waits on
            thread.start();
            write(target, new MermaidEmitter());
            assertEquals(mermaid(), new String(reader.get(HangGuard.AMOUNT, HangGuard.UNIT), StandardCharsets.UTF_8));
            assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                    "still a FIFO");
            assertEquals(List.of(link, fifo), filesIn(dir));
        }
    }

    private String mermaid() throws IOException {
        StringBuilder text = new StringBuilder();
        new MermaidEmitter().write(diagram, text);
        return text.toString();
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
