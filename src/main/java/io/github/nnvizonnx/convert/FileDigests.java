package io.github.nnvizonnx.convert;

import io.github.nnvizonnx.internal.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The SHA-256 of large files (saved models), remembered in the cache beside the file's identity: its absolute path,
 * size, modification time (nanoseconds) and file key (device and inode where the system has them). A file whose
 * identity is unchanged is not read again: the launcher runs Java without its optimising compiler, which hashes a
 * 350 MB archive in some 8 s, against a cached export drawn in under a second. Any change of size or time, a
 * replaced file included, computes the digest afresh.
 */
final class FileDigests {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    /** Memos in {@code dir} (created when first written). */
    FileDigests(Path dir) {
        this.dir = dir;
    }

    /** The hex SHA-256 of the file's content. */
    String sha256(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        String identity = identity(absolute);
        Path memo = dir.resolve(ExportKey.sha256Hex(absolute.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 40));
        String remembered = remembered(memo, identity);
        if (remembered != null) {
            return remembered;
        }
        String digest = ExportKey.sha256Hex(absolute);
        if (identity.equals(identity(absolute))) { // not changed while it was read
            remember(memo, identity, digest);
        }
        return digest;
    }

    private static String identity(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return file + "\n" + attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " "
                + attributes.fileKey();
    }

    /** The digest the memo holds for this identity, or null. */
    private static String remembered(Path memo, String identity) {
        try {
            String text = Files.readString(memo, StandardCharsets.UTF_8);
            int last = text.lastIndexOf('\n');
            String digest = last > 0 && text.substring(0, last).equals(identity) ? text.substring(last + 1) : null;
            return digest != null && SHA256_HEX.matcher(digest).matches() ? digest : null;
        } catch (IOException e) {
            return null; // none yet, or unreadable: the file is hashed
        }
    }

    private void remember(Path memo, String identity, String digest) {
        try {
            Files.createDirectories(dir);
            AtomicFile.write(memo, out -> out.write((identity + "\n" + digest).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // a memo not written costs only the next run's hashing
        }
    }
}
