package io.github.nnvizonnx.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files name their process; those of a process no longer alive go when the target is written again. */
class StaleTempFilesTest {
    @TempDir
    Path dir;

    @Test
    void theFilesOfADeadRunGoAndOthersStay() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path target = dir.resolve("out.mmd");
        Path stale = Files.writeString(dir.resolve(".out.mmd.nnviz-" + gone.pid() + ".77.tmp"), "half");
        Path live = Files.writeString(dir.resolve(StaleTempFiles.prefix(target) + "1.tmp"), "");
        Path otherTarget = Files.writeString(dir.resolve(".other.mmd.nnviz-" + gone.pid() + ".1.tmp"), "");
        Path notANumber = Files.writeString(dir.resolve(".out.mmd.nnviz-x.1.tmp"), "");

        AtomicFile.write(target, out -> out.write('x'));

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live) && Files.exists(otherTarget) && Files.exists(notANumber));
        assertEquals("x", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count(), "the written file's own temporary file is gone too");
        }
    }
}
