package io.github.nnvizonnx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A converter script bundled in the jar (copied there from {@code converters/}). Python needs it as a file, so it is
 * unpacked into the cache under a name that carries its content hash, which is also its version.
 */
final class ConverterScript {
    private final String fileName;
    private final byte[] content;
    private final String version;

    private ConverterScript(String fileName, byte[] content) {
        this.fileName = fileName;
        this.content = content;
        this.version = ExportKey.sha256Hex(content);
    }

    /** The script at this class path resource, e.g. {@code /converters/pytorch/export_onnx.py}. */
    static ConverterScript bundled(String resource) {
        try (InputStream in = ConverterScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the converter " + resource + " is missing from the build");
            }
            return new ConverterScript(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the converter " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the script's content. */
    String version() {
        return version;
    }

    /**
     * The script as a file in {@code dir}, written there unless an identical one already is. The copy found there
     * is verified before it is run (its SHA-256 against the bundled script's): anything else that can write to the
     * cache (another program, a user's mistake) would otherwise choose the Python code we run. A differing copy, or
     * a link in its place, is replaced.
     */
    Path installIn(Path dir) throws IOException {
        String stem = fileName.endsWith(".py") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Path target = dir.resolve(stem + "-" + version.substring(0, 12) + ".py");
        if (isIntact(target)) {
            return target;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + stem + ".", ".tmp");
        try {
            Files.write(temp, content);
            // atomic: a concurrent run never executes a half-written script
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Whether {@code copy} is a regular file (not a link) holding exactly the bundled script. */
    boolean isIntact(Path copy) throws IOException {
        if (!Files.isRegularFile(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.size(copy) != content.length) {
            return false;
        }
        return ExportKey.sha256Hex(Files.readAllBytes(copy)).equals(version);
    }
}
