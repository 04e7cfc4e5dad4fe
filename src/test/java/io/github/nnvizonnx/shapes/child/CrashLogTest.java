package io.github.nnvizonnx.shapes.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a warning says of a child that ended without a result. */
class CrashLogTest {
    @TempDir
    Path dir;

    @Test
    void theSignalIsReadFromTheLogsBanner() throws Exception {
        Path log = Files.writeString(dir.resolve("hs_err.log"), "#\n# A fatal error has been detected by the Java"
                + " Runtime Environment:\n#\n#  SIGBUS (0x7) at pc=0x00007f, pid=1, tid=2\n#\n");
        assertEquals("SIGBUS", CrashLog.signal(log));
        Files.writeString(log, "#\n# There is insufficient memory for the Java Runtime Environment to continue.\n");
        assertEquals("a fatal error", CrashLog.signal(log));
        assertNull(CrashLog.signal(dir.resolve("none.log")), "no log: no crash");
    }

    @Test
    void exitCodesOfSignalsAreNamed() {
        assertEquals("was killed (SIGKILL)", ChildRunner.ended(137));
        assertEquals("ended on signal 15", ChildRunner.ended(143));
        assertEquals("ended with exit code 1 before it reported", ChildRunner.ended(1));
    }

    @Test
    void procStatusFieldsAreRead() {
        String status = "Name:\tjava\nVmPeak:\t  548336 kB\nVmRSS:\t   58784 kB\nThreads:\t14\n";
        assertEquals(58784, MemoryWatch.field(status, "VmRSS:"));
        assertEquals(14, MemoryWatch.field(status, "Threads:"));
        assertEquals(0, MemoryWatch.field(status, "VmSwap:"));
    }
}
