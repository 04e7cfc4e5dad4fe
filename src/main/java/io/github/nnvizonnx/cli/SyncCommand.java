package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.MarkdownSync;
import io.github.nnvizonnx.sync.Marker;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Keeps the diagrams in Markdown files current: each marker line",
            "  <!-- nnviz-onnx MODEL [OPTIONS] -->",
            "is followed by a ```mermaid block of MODEL (relative to the Markdown file) drawn with OPTIONS, the main"
                + " command's view options. The block is added when missing. The rest of each file is kept byte for"
                + " byte; a file is written (atomically) only when one of its diagrams changed."},
        footerHeading = "%nExamples:%n",
        // at most 80 columns each: picocli wraps a longer footer line to column 0
        footer = {
            "  nnviz-onnx sync README.md docs       update every diagram (docs: recursively)",
            "  nnviz-onnx sync --check README.md    in CI: list stale diagrams as FILE:LINE",
            "",
            "Exit codes: 0 every diagram current (or updated), 1 stale diagrams (--check) or",
            "a marker that cannot be drawn (nothing written to its file), 2 bad usage."})
final class SyncCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Markdown files, or folders: their .md and .markdown files, recursively (hidden folders"
                    + " left out).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--check", description = "Change nothing: print each out-of-date diagram as FILE:LINE (its"
            + " marker's line) and exit 1 when there is one.")
    private boolean check;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors and warnings.")
    private boolean quiet;

    /** Where --check lists stale diagrams. */
    private final OutputStream stdout;

    SyncCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MarkdownSync sync = MarkdownSync.drawingWith(new MarkerDiagrams(spec.parent(), err, quiet));
        MarkdownSync.Report report = check ? sync.check(files) : sync.sync(files);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        for (MarkdownSync.FileReport file : report.files()) {
            for (MarkdownSync.Failure failure : file.failures()) {
                ErrorHandlers.printError(spec.commandLine(), where(file.file(), failure.line())
                        + ErrorHandlers.messageOf(failure.cause()));
                ErrorHandlers.details(failure.cause()).forEach(line -> err.println("  " + line));
            }
            if (check) {
                file.stale().forEach(marker -> out.println(file.file() + ":" + marker.line()));
            } else if (file.written() && !quiet) {
                err.println("nnviz-onnx: updated " + file.file() + " (" + file.stale().size() + " of "
                        + count(file.markers(), "diagram") + ")");
            }
        }
        out.flush();
        if (!quiet) {
            err.println("nnviz-onnx: " + summary(report));
        }
        err.flush();
        return report.failed() || check && report.staleCount() > 0 ? ErrorHandlers.BAD_INPUT : 0;
    }

    private String summary(MarkdownSync.Report report) {
        if (report.markers() == 0 && report.failureCount() == 0) {
            return "no <!-- nnviz-onnx MODEL --> markers in " + String.join(", ", files.stream().map(Path::toString)
                    .toList());
        }
        String of = " of " + count(report.markers(), "diagram");
        String errors = report.failureCount() == 0 ? ""
                : "; " + count(report.failureCount(), "error") + (check ? "" : ", files with errors not written");
        if (report.staleCount() == 0) {
            return report.current() + of + " current" + (check ? "" : ", nothing written") + errors;
        }
        long written = report.files().stream().filter(MarkdownSync.FileReport::written).count();
        return report.staleCount() + of + " out of date" + (check ? " (nnviz-onnx sync without --check updates them)"
                : ", " + count(written, "file") + " updated") + errors;
    }

    private static String where(Path file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": ";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Draws each marker as the main command would draw MODEL with OPTIONS, in Mermaid. */
    static final class MarkerDiagrams implements MarkdownSync.Diagrams {
        /** The main command, whose options tell an option that is not for markers from an unknown one. */
        private final CommandLine.Model.CommandSpec main;
        private final PrintWriter err;
        private final boolean quiet;

        MarkerDiagrams(CommandLine.Model.CommandSpec main, PrintWriter err, boolean quiet) {
            this.main = main;
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public String mermaid(MarkdownSync.MarkedDiagram diagram) throws Exception {
            MarkerCommand command = new MarkerCommand();
            CommandLine cl = new CommandLine(command);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setErr(err);
            refuseOutputOptions(diagram.marker(), cl);
            cl.parseArgs(diagram.marker().options().toArray(String[]::new));
            String where = diagram.document() + ":" + diagram.marker().line() + ": ";
            return command.drawing.draw(command.drawing.request(command.drawing.input(diagram.model(), quiet),
                            io.github.nnvizonnx.emit.Emitters.mermaid())
                    .cache(diagram.cache())
                    .reporter(new StderrReporter(err, quiet, where))).text();
        }

        /** -o, --format, -q, --help: the main command's, but not for a marker, whose diagram is Mermaid in place. */
        private void refuseOutputOptions(Marker marker, CommandLine markerCommand) {
            for (String option : marker.options()) {
                String name = option.startsWith("-") ? option.split("=", 2)[0] : null;
                if (name != null && main.findOption(name) != null
                        && markerCommand.getCommandSpec().findOption(name) == null) {
                    throw new CommandLine.ParameterException(markerCommand, name + " is not for a"
                            + " marker: sync writes the diagram as Mermaid into the block below it");
                }
            }
        }
    }

    /** A marker's OPTIONS: the main command's drawing options, nothing else. */
    @Command(name = "marker")
    static final class MarkerCommand {
        @picocli.CommandLine.Mixin
        private DrawingOptions drawing;
    }
}
