package io.github.nnvizonnx.internal.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Writing the output failed. The message names the destination as the user gave it ({@code -o} path or standard
 * output), never a temporary file, and says why in the system's words: "cannot write to out.svg: No space left on
 * device".
 */
public final class OutputFailure extends IOException {
    public OutputFailure(String destination, String reason, Throwable cause) {
        super("cannot write to " + destination + ": " + reason, cause);
    }

    public OutputFailure(String destination, IOException cause) {
        this(destination, reason(cause), cause);
    }

    /** The reason alone: a file system exception's message would repeat the (temporary) file's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
