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

    /** Writes {@code drawing} to -o's file (atomically), else to {@code stdout}. */
    void write(Drawing drawing, OutputStream stdout) throws IOException {
        if (output != null) {
            drawing.writeTo(output);
        } else {
            drawing.writeTo(stdout, "standard output");
        }
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
