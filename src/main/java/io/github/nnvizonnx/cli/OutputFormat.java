package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a drawing goes and in which format: {@code -f/--format} and {@code -o/--output}, mixed into each command. */
final class OutputFormat {
    @Spec(Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: from the -o extension, else mermaid.",
            completionCandidates = FormatNames.class)
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of stdout; its extension picks the format (a device such"
                    + " as /dev/null without one: --format, else mermaid).")
    private Path output;

    @Option(names = "--open", description = "Open the result with the desktop's default application (a browser for"
            + " html); without -o it is written to a temporary file first.")
    private boolean open;

    /** The file written: -o's, or the temporary file of --open; null while nothing is written or for stdout. */
    private Path written;

    /** The file asked for with -o, or null for standard output. */
    Path output() {
        return output;
    }

    /** The emitter of --format, else of -o's extension, else Mermaid; an unknown one is a usage error. */
    Emitter emitter() {
        if (format != null) {
            return Emitters.byFormat(format).orElseThrow(() -> usage("unknown --format '" + format
                    + "' (installed: " + String.join(", ", FormatNames.names()) + ")"));
        }
        if (output != null) {
            String name = String.valueOf(output.getFileName());
            if (isDevice(output) && Emitters.byFileName(name).isEmpty()) {
                return Emitters.mermaid(); // /dev/null, /dev/stdout, a pipe: no extension to go by
            }
            return Emitters.byFileName(name).orElseThrow(() -> usage("cannot tell the format from '" + name
                    + "'; add --format (installed: " + String.join(", ", FormatNames.names()) + ")"));
        }
        return Emitters.mermaid();
    }

    /**
     * Writes {@code drawing} to -o's file (atomically), else with --open to a temporary file named (not created)
     * now, so that a drawing that fails leaves nothing behind, else to {@code stdout}.
     */
    void write(Drawing drawing, OutputStream stdout) throws IOException {
        if (output != null || open) {
            written = output != null ? output : Path.of(System.getProperty("java.io.tmpdir"), "nnviz-"
                    + java.util.UUID.randomUUID() + extension(drawing.format()));
            drawing.writeTo(written);
        } else {
            drawing.writeTo(stdout, "standard output");
        }
    }

    /** With --open, opens the file written with the desktop's application, or says on {@code err} why it cannot. */
    void openWritten(java.io.PrintWriter err, boolean quiet) {
        if (!open) {
            return;
        }
        String notOpened = DesktopOpener.ofThisMachine().open(written);
        if (notOpened != null) {
            err.println("nnviz-onnx: wrote " + written + "; " + notOpened);
        } else if (!quiet) {
            err.println("nnviz-onnx: opening " + written);
        }
    }

    private static String extension(String format) {
        List<String> extensions = Emitters.byFormat(format).map(Emitter::fileExtensions).orElse(List.of());
        return extensions.isEmpty() ? "" : extensions.get(0);
    }

    /** Whether {@code path} is a device or a pipe, which AtomicFile writes in place. */
    private static boolean isDevice(Path path) {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }

    /** The installed formats, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        static List<String> names() {
            return Emitters.formatNames();
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
