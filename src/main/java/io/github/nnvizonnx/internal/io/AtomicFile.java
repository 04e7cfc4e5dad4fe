package io.github.nnvizonnx.internal.io;

import io.github.nnvizonnx.internal.cleanup.ExitCleanup;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file all at once: into a temporary file beside it, then renamed over it. A failure leaves no
 * partial file and never replaces a good existing one. The result has the permissions any new file would get (the
 * umask applies), or those of the file it replaces (temporary files are otherwise private to their owner).
 *
 * <p>A symbolic link is followed: the file it points to is replaced, and the link stays. A target that is neither a
 * file nor a directory (a device such as /dev/null, a FIFO) cannot be replaced by renaming without destroying it, so
 * it is written in place, as a shell redirection would.
 *
 * <p>Temporary files carry the writing process's id ({@link StaleTempFiles}): those of an earlier run that was
 * killed before it could delete them are removed when the same target is written again.
 */
public final class AtomicFile {
    /** Produces the content; may fail, in which case the target is left untouched. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a newly created file asks for; the umask takes away from it, as for any new file. */
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-rw-rw-");
    /** Linux's own limit on links followed in one path. */
    private static final int MAX_LINKS = 40;

    private AtomicFile() {
    }

    /** Failures name {@code target} as given, never the temporary file or the end of a link. */
    public static void write(Path target, Content content) throws IOException {
        String name = target.toString();
        BasicFileAttributes existing = attributesOrNull(target, name);
        if (existing != null && existing.isDirectory()) {
            throw new OutputFailure(name, "it is a directory", null);
        }
        if (existing != null && existing.isOther()) {
            writeInPlace(target, name, content);
        } else {
            Path real = existing != null ? realPath(target, name) : endOfLinks(target, name);
            replace(real, name, existing != null, content);
        }
    }

    /** Copies {@code source} to {@code target} with the same guarantee. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    private static void replace(Path real, String name, boolean replacing, Content content) throws IOException {
        Path dir = real.getParent();
        StaleTempFiles.removeBeside(real);
        try (ExitCleanup.Tracked<Path> tracked = createTemp(dir, real, name)) {
            Path temp = tracked.get();
            try {
                try (OutputStream out = open(temp, name)) {
                    content.writeTo(out);
                }
                moveOver(temp, real, name, replacing && isPosix(dir));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeInPlace(Path target, String name, Content content) throws IOException {
        try (OutputStream out = open(target, name, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        }
    }

    private static OutputStream open(Path file, String name, StandardOpenOption... options) throws OutputFailure {
        try {
            return new DestinationStream(new BufferedOutputStream(Files.newOutputStream(file, options)), name);
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
    }

    private static ExitCleanup.Tracked<Path> createTemp(Path dir, Path real, String name) throws OutputFailure {
        try {
            return ExitCleanup.createTempFile(dir, StaleTempFiles.prefix(real), StaleTempFiles.SUFFIX,
                    permissionsFor(dir));
        } catch (NoSuchFileException e) {
            throw new OutputFailure(name, "no such directory " + dir, e);
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
    }

    private static void moveOver(Path temp, Path real, String name, boolean keepPermissions) throws OutputFailure {
        try {
            if (keepPermissions) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real));
            }
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
    }

    /** The target's attributes, links followed; null when nothing is there (yet). */
    private static BasicFileAttributes attributesOrNull(Path target, String name) throws OutputFailure {
        try {
            return Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
    }

    private static Path realPath(Path target, String name) throws OutputFailure {
        try {
            return target.toRealPath();
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
    }

    /** Where a chain of links that ends nowhere (yet) ends: the file to create. */
    private static Path endOfLinks(Path target, String name) throws OutputFailure {
        Path path = target.toAbsolutePath();
        try {
            for (int links = 0; Files.isSymbolicLink(path); links++) {
                if (links == MAX_LINKS) {
                    throw new OutputFailure(name, "too many levels of symbolic links", null);
                }
                path = path.resolveSibling(Files.readSymbolicLink(path)); // relative links start at the link's folder
            }
        } catch (OutputFailure e) {
            throw e;
        } catch (IOException e) {
            throw new OutputFailure(name, e);
        }
        return path;
    }

    private static FileAttribute<?>[] permissionsFor(Path dir) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(NEW_FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path dir) {
        return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
