package io.github.nnvizonnx.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a tensor's external data may be read from. ONNX's own checker asks for a file inside the model's folder,
 * named by a relative path without {@code ..}; we ask more: a regular file, no hidden segment in its path (no name
 * starting with {@code .}, before or after following links), and at least as many bytes as the model's tensors say
 * they take there. A model is someone else's file; without this rule a location such as {@code /etc/shadow},
 * {@code ../../.ssh/id_rsa} or {@code .keys/id} next to the model would make whatever reads the weights (an
 * onnxruntime run) read any file the user can, and a model can turn the bytes it reads into sizes the diagram shows.
 * Drawing never opens external data; {@link #check} is for code that does.
 */
public final class ExternalDataPolicy {
    /** How the reader's warning about a location it would refuse starts ({@link #isReaderNote}). */
    static final String READER_NOTE_START = "the external data of tensor '";

    private ExternalDataPolicy() {
    }

    /**
     * Whether a warning of the reader is its note about external data it would refuse: a run that checks the same
     * locations says so in its own words, and the note is left out then.
     */
    public static boolean isReaderNote(String warning) {
        return warning.startsWith(READER_NOTE_START);
    }

    /**
     * The file to open for {@code location}, relative to {@code modelFile}'s folder; throws
     * {@link InvalidModelException} when the location is absolute, climbs out with {@code ..}, or is (or passes
     * through) a link that leads outside the folder.
     */
    public static Path check(Path modelFile, String location) {
        return check(modelFile, location, 0);
    }

    /**
     * As {@link #check(Path, String)}, and the file must hold at least {@code extent} bytes (the furthest
     * offset + length the model's tensors declare in it).
     */
    public static Path check(Path modelFile, String location, long extent) {
        String why = whyRefused(modelFile, location, extent);
        if (why != null) {
            throw new InvalidModelException(modelFile + ": refusing to read external data from '"
                    + printable(location) + "': " + why + " (external data must be a file in the model's folder)");
        }
        return folderOf(modelFile).resolve(location).normalize();
    }

    /**
     * Why reading {@code location} next to {@code modelFile} would be refused (its text, or a link on disk that leads
     * out of the folder), or null when it may be read.
     */
    public static String whyRefused(Path modelFile, String location) {
        return whyRefused(modelFile, location, 0);
    }

    /**
     * As {@link #whyRefused(Path, String)}; also refused: an existing file that holds fewer than {@code extent}
     * bytes, where the model's tensors say they lie.
     */
    public static String whyRefused(Path modelFile, String location, long extent) {
        String problem = problem(location);
        if (problem != null) {
            return problem;
        }
        Path folder = folderOf(modelFile);
        Path resolved;
        try {
            resolved = folder.resolve(location).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return "it is not a valid path";
        }
        if (!resolved.startsWith(folder)) {
            return "it leads outside the model's folder";
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) || Files.exists(resolved)) {
            try {
                Path realFolder = folder.toRealPath();
                Path real = resolved.toRealPath();
                if (!real.startsWith(realFolder)) {
                    return "it is a link that leads outside the model's folder";
                }
                if (hiddenSegment(realFolder.relativize(real).toString()) != null) {
                    return "it is a link to a hidden file or folder";
                }
                // attributes of the file itself, read without opening it: a FIFO would block an open
                java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(real,
                        java.nio.file.attribute.BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return "it is not a regular file";
                }
                if (attributes.size() < extent) {
                    return String.format(java.util.Locale.ROOT, "it holds %,d bytes, fewer than the %s the model's"
                            + " tensors declare there", attributes.size(), extent == Long.MAX_VALUE
                            ? "unreadable extent" : String.format(java.util.Locale.ROOT, "%,d", extent));
                }
            } catch (IOException e) {
                return "it cannot be resolved";
            }
        }
        return null;
    }

    /** The first name in {@code path} that starts with a dot ({@code .} alone, the folder itself, is fine). */
    private static String hiddenSegment(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.startsWith(".") && !segment.equals(".")) {
                return segment;
            }
        }
        return null;
    }

    /**
     * Why {@code location} would be refused whatever the folder (absolute, {@code ..}, empty, a NUL character),
     * or null when it is a plain relative path. Looks at the text only: nothing on disk is touched.
     */
    public static String problem(String location) {
        if (location == null || location.isEmpty()) {
            return "it is empty";
        }
        if (location.indexOf('\0') >= 0) {
            return "it contains a NUL character";
        }
        if (location.startsWith("/") || location.startsWith("\\")
                || (location.length() >= 2 && location.charAt(1) == ':' && Character.isLetter(location.charAt(0)))) {
            return "it is an absolute path";
        }
        int partStart = 0;
        for (int i = 0; i <= location.length(); i++) {
            if (i == location.length() || location.charAt(i) == '/' || location.charAt(i) == '\\') {
                if (i - partStart == 2 && location.startsWith("..", partStart)) {
                    return "it climbs out of the model's folder with '..'";
                }
                partStart = i + 1;
            }
        }
        if (hiddenSegment(location) != null) {
            return "it is in a hidden file or folder ('" + printable(hiddenSegment(location)) + "')";
        }
        return null;
    }

    private static Path folderOf(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent == null ? absolute.getRoot() : parent;
    }

    /** The location as one line of plain text, however hostile. */
    public static String printable(String location) {
        return io.github.nnvizonnx.model.DisplayText.printable(io.github.nnvizonnx.model.DisplayText.clip(location,
                120));
    }
}
