package io.github.nnvizonnx.emit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file all at once: into a temporary file beside it, then renamed over it. A failure leaves no
 * partial file and never replaces a good existing one. The result has the permissions any new file would get (the
 * umask applies), or those of the file it replaces (temporary files are otherwise private to their owner).
 */
public final class AtomicFile {
    /** Produces the content; may fail, in which case the target is left untouched. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills the temporary file. */
    private interface Filler {
        void fill(Path temp) throws IOException;
    }

    /** What a newly created file asks for; the umask takes away from it, as for any new file. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-rw-rw-");

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        replace(target, temp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
        });
    }

    /** Copies {@code source} to {@code target} with the same guarantee. */
    public static void copy(Path source, Path target) throws IOException {
        replace(target, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    private static void replace(Path target, Filler filler) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", permissionsFor(dir));
        try {
            filler.fill(temp);
            if (Files.isRegularFile(absolute) && isPosix(dir)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(absolute));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] permissionsFor(Path dir) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(NEW_FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
