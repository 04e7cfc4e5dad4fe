package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.AtomicFile;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.transform.UnknownModuleException;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "nnviz-onnx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Draws a neural network from an ONNX file as a hierarchical diagram: modules (from the scopes the",
            "exporter wrote) are nested boxes, and modules deeper than --depth are drawn as single nodes."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  nnviz-onnx model.onnx > model.mmd              Mermaid to stdout (paste into Markdown)",
            "  nnviz-onnx model.onnx -o model.mmd --depth 3   three levels of modules",
            "  nnviz-onnx model.onnx --depth all              every operation",
            "  nnviz-onnx model.onnx --layer layer1 --direction TB",
            "  nnviz-onnx model.onnx --collapse encoder.layer.0 --depth all",
            "",
            "Exit codes: 0 success, 1 unreadable or invalid model, 2 bad usage."})
final class NnvizCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX file to draw.")
    private Path model;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: from the -o extension, else mermaid.",
            completionCandidates = FormatNames.class)
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of stdout; its extension picks the format.")
    private Path output;

    @Option(names = {"-d", "--depth"}, paramLabel = "N", converter = DepthConverter.class,
            defaultValue = "" + ViewOptions.DEFAULT_DEPTH,
            description = "Modules at depth N are drawn as single nodes; 'all' draws every level."
                    + " Default: ${DEFAULT-VALUE}.")
    private Integer depth;

    @Option(names = "--collapse", paramLabel = "PATH",
            description = "Draw this module as one node (repeatable), e.g. layer1.0 or model/conv2d.")
    private List<String> collapse = new ArrayList<>();

    @Option(names = "--layer", paramLabel = "PATH",
            description = "Draw only this module; tensors crossing its boundary become its inputs and outputs.")
    private String layer;

    @Option(names = "--direction", paramLabel = "LR|TB", defaultValue = "LR",
            description = "Left to right (LR) or top to bottom (TB). Default: ${DEFAULT-VALUE}.")
    private Direction direction;

    @Option(names = "--hierarchy", paramLabel = "CONVENTION", defaultValue = "auto",
            completionCandidates = HierarchyNames.class,
            description = "How module scopes are read from the file: ${COMPLETION-CANDIDATES}."
                    + " Default: ${DEFAULT-VALUE} (detected per file).")
    private String hierarchy;

    @Option(names = "--expand-subgraphs",
            description = "Draw the bodies of If/Loop/Scan as nested boxes instead of one black box each.")
    private boolean expandSubgraphs;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors and warnings.")
    private boolean quiet;

    @Mixin
    private ShapeOptions shapes;

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NnvizCommand());
        cl.setParameterExceptionHandler(new ErrorHandlers.UsageErrors());
        cl.setExecutionExceptionHandler(new ErrorHandlers.ExecutionErrors());
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        Emitter emitter = chooseEmitter();
        if (!hierarchy.equalsIgnoreCase("auto") && !HierarchyNames.NAMES.contains(hierarchy.toLowerCase())) {
            throw usage("unknown --hierarchy '" + hierarchy + "' (expected " + String.join(", ", HierarchyNames.NAMES)
                    + ")");
        }
        ModelGraph full = shapes.apply(OnnxReader.read(model, new OnnxReader.Options(hierarchy)), model,
                spec.commandLine(), quiet);
        ModelGraph view;
        try {
            view = Views.apply(full, new ViewOptions(depth, collapse, layer, expandSubgraphs));
        } catch (UnknownModuleException e) {
            throw usage(e.getMessage());
        }
        Diagram diagram = new Diagram(view, new DrawOptions(direction, shapes.showDtypes()));
        if (output != null) {
            AtomicFile.write(output, out -> emitter.write(diagram, out));
        } else {
            StringWriter text = new StringWriter();
            emitter.write(diagram, text);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        }
        if (!quiet) {
            spec.commandLine().getErr().println(Summary.of(full, view, depth));
        }
        return 0;
    }

    private Emitter chooseEmitter() {
        if (format != null) {
            return Emitters.byFormat(format).orElseThrow(() -> usage("unknown --format '" + format
                    + "' (installed: " + String.join(", ", FormatNames.names()) + ")"));
        }
        if (output != null) {
            String name = String.valueOf(output.getFileName());
            return Emitters.byFileName(name).orElseThrow(() -> usage("cannot tell the format from '" + name
                    + "'; add --format (installed: " + String.join(", ", FormatNames.names()) + ")"));
        }
        return Emitters.byFormat("mermaid").orElseThrow(() -> new IllegalStateException("no mermaid emitter"));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The installed formats, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        static List<String> names() {
            return Emitters.installed().stream().map(Emitter::format).collect(Collectors.toList());
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }
    }

    /** The values of --hierarchy. */
    static final class HierarchyNames implements Iterable<String> {
        static final List<String> NAMES = List.of("auto", "torch", "dynamo", "tf", "functions", "flat");

        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
