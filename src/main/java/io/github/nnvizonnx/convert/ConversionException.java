package io.github.nnvizonnx.convert;

import java.util.List;

/**
 * A model that could not be exported. The message is one line for the user; {@code details} are the last lines the
 * converter wrote (the end of a traceback), shown below it; {@code badUsage} marks a malformed spec or input spec,
 * which the command line reports as a usage error.
 */
public final class ConversionException extends RuntimeException {
    private final transient List<String> details;
    private final boolean badUsage;

    /**
     * A failure with {@code details} (lines to print under the message); {@code badUsage} when the user asked for
     * something impossible.
     */
    public ConversionException(String message, List<String> details, boolean badUsage) {
        super(message);
        this.details = List.copyOf(details);
        this.badUsage = badUsage;
    }

    /** A failure that is not the user's, without details. */
    public ConversionException(String message) {
        this(message, List.of(), false);
    }

    /** Lines that explain the failure, e.g. the end of the converter's output. */
    public List<String> details() {
        return details;
    }

    /** Whether the user asked for something impossible (a usage error) rather than the conversion failing. */
    public boolean badUsage() {
        return badUsage;
    }
}
