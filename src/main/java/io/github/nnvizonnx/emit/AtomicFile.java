package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * partial file and never replaces a good existing one. The file gets the permissions a plain write would give it:
 * those of the file it replaces, else the usual ones under the user's umask (a temporary file alone would be
 * private to its owner).
 */
public final class AtomicFile {
    /** Produces the content; may fail, in which case the target is left untouched. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** What a newly created file asks for; the umask takes away from it, as for any new file. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-rw-rw-");

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", permissionsFor(dir));
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
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
