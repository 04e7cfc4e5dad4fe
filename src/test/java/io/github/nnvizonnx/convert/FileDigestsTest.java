package io.github.nnvizonnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {
    @TempDir
    Path dir;

    @Test
    void aDigestIsRememberedUntilTheFileChanges() throws IOException {
        Path model = Files.copy(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"), dir.resolve("m.pt"));
        FileDigests digests = new FileDigests(dir.resolve("digests"));
        String first = digests.sha256(model);
        assertEquals(ExportKey.sha256Hex(Files.readAllBytes(model)), first);

        // The memo is what a second run reads: one planted under the same identity is believed without reading.
        Path memo = onlyMemo();
        String planted = "0".repeat(64);
        String identity = Files.readString(memo).substring(0, Files.readString(memo).lastIndexOf('\n'));
        Files.writeString(memo, identity + "\n" + planted);
        assertEquals(planted, digests.sha256(model));

        // Same size, new content and time: read again.
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 1;
        Files.write(model, bytes);
        Files.setLastModifiedTime(model, FileTime.fromMillis(Files.getLastModifiedTime(model).toMillis() + 2000));
        String changed = digests.sha256(model);
        assertEquals(ExportKey.sha256Hex(bytes), changed);
        assertNotEquals(first, changed);

        Files.writeString(onlyMemo(), "garbage");
        assertEquals(changed, digests.sha256(model), "a memo that does not read is ignored");
    }

    private Path onlyMemo() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("digests"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
