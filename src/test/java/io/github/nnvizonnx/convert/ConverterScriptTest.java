package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached copy of the export script is verified before each run, and rewritten when it is not the bundled one. */
class ConverterScriptTest {
    private static final String RESOURCE = "/converters/pytorch/export_onnx.py";

    @TempDir
    Path dir;

    private static byte[] bundled() throws Exception {
        try (InputStream in = ConverterScriptTest.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTamperedCopyIsRewrittenBeforeItRuns() throws Exception {
        ConverterScript script = ConverterScript.bundled(RESOURCE);
        Path copy = script.installIn(dir);
        assertArrayEquals(bundled(), Files.readAllBytes(copy));

        Files.writeString(copy, "import os; os.system('echo pwned')\n");
        assertFalse(script.isIntact(copy));
        assertEquals(copy, script.installIn(dir));
        assertArrayEquals(bundled(), Files.readAllBytes(copy), "the bundled script is back");

        byte[] sameLength = bundled();
        sameLength[sameLength.length - 2] ^= 1;
        Files.write(copy, sameLength);
        script.installIn(dir);
        assertArrayEquals(bundled(), Files.readAllBytes(copy), "one flipped bit is seen too");
    }

    @Test
    void aLinkInPlaceOfTheCopyIsReplacedNotFollowed() throws Exception {
        ConverterScript script = ConverterScript.bundled(RESOURCE);
        Path elsewhere = Files.write(dir.resolve("elsewhere.py"), bundled());
        Path copy = script.installIn(Files.createDirectories(dir.resolve("cache")));
        Files.delete(copy);
        Files.createSymbolicLink(copy, elsewhere);
        script.installIn(dir.resolve("cache"));
        assertTrue(Files.isRegularFile(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(bundled(), Files.readAllBytes(elsewhere), "the link's target is untouched");
    }
}
