package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.convert.ConversionException;
import io.github.nnvizonnx.internal.io.OutputFailure;
import io.github.nnvizonnx.emit.render.RenderException;
import io.github.nnvizonnx.read.InvalidModelException;
import io.github.nnvizonnx.sync.MarkerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Every failure becomes one line on stderr and an exit code; never a stack trace. */
final class ErrorHandlers {
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;
    /** The status of a process ended by SIGPIPE (128 + 13), which shells report for {@code | head} quietly. */
    static final int BROKEN_PIPE = 141;

    private ErrorHandlers() {
    }

    static void printError(CommandLine cl, String message) {
        PrintWriter err = cl.getErr();
        err.println("nnviz-onnx: " + oneLine(message));
        err.flush();
    }

    static String oneLine(String message) {
        String text = message == null ? "unknown error" : message;
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * What went wrong with one input of a command that goes on with the others (a marker of sync, a Markdown file):
     * the message of a failure we know, in our words; anything else is an internal error.
     */
    static String messageOf(Exception ex) {
        if (ex instanceof ParameterException || ex instanceof ConversionException || ex instanceof MarkerException
                || ex instanceof InvalidModelException || ex instanceof RenderException || ex instanceof OutputFailure) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExecutionErrors.describe(ex instanceof UncheckedIOException u ? u.getCause() : ex);
        }
        return internalError(ex);
    }

    /** The lines that follow the error line of {@code ex}: a failed conversion's last lines of traceback. */
    static java.util.List<String> details(Exception ex) {
        return ex instanceof ConversionException ce ? ce.details() : java.util.List.of();
    }

    private static String internalError(Exception ex) {
        return "internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + "); please report it with the model that caused it";
    }

    /** Bad options and arguments: exit 2 with a pointer to --help. */
    static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            printError(ex.getCommandLine(), ex.getMessage() + " (see --help)");
            return USAGE;
        }
    }

    /** Failures while running: unreadable input is exit 1; anything unexpected is reported briefly. */
    static final class ExecutionErrors implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            if (ex instanceof ParameterException pe) {
                printError(cl, pe.getMessage() + " (see --help)");
                return USAGE;
            }
            if (ex instanceof ConversionException ce) {
                printError(cl, ce.getMessage() + (ce.badUsage() ? " (see --help)" : ""));
                ce.details().forEach(line -> cl.getErr().println("  " + line));
                cl.getErr().flush();
                return ce.badUsage() ? USAGE : BAD_INPUT;
            }
            if (ex instanceof InvalidModelException || ex instanceof RenderException) {
                printError(cl, ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof IOException || ex instanceof UncheckedIOException) {
                Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
                if (isBrokenPipe(cause)) {
                    return BROKEN_PIPE; // the reader went away (| head): quietly, as a shell tool would
                }
                printError(cl, cause instanceof OutputFailure ? cause.getMessage()
                        : "cannot write output: " + describe(cause));
                return BAD_INPUT;
            }
            printError(cl, internalError(ex));
            return BAD_INPUT;
        }

        private static boolean isBrokenPipe(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof IOException && "Broken pipe".equals(c.getMessage())) {
                    return true;
                }
            }
            return false;
        }

        private static String describe(Throwable t) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "no such directory for " + t.getMessage();
            }
            if (t instanceof java.nio.file.AccessDeniedException) {
                return "permission denied: " + t.getMessage();
            }
            // the message alone: the exception's class is Java's wording, not the user's
            return t.getMessage() != null ? t.getMessage() : "an input/output error";
        }
    }
}
