package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.emit.AtomicFile;
import io.github.nnvizonnx.emit.DestinationStream;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.emit.GithubFit;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.ModelReader;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.shapes.RuntimePreload;
import io.github.nnvizonnx.transform.UnknownModuleException;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
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
        sortOptions = false, usageHelpAutoWidth = true, subcommands = ConvertCommand.class,
        description = "Draws a neural network from an ONNX file as a hierarchical diagram: modules (from the scopes"
                + " the exporter wrote) are nested boxes, and modules at --depth are drawn as single nodes.",
        footerHeading = "%nExamples:%n",
        // at most 80 columns each: picocli wraps a longer footer line to column 0
        footer = {
            "  nnviz-onnx model.onnx > model.mmd             Mermaid on stdout (for Markdown)",
            "  nnviz-onnx model.onnx -o model.mmd --depth 3  three levels of modules",
            "  nnviz-onnx model.onnx --max-nodes 120         more detail (--depth auto)",
            "  nnviz-onnx model.onnx --depth all             every operation",
            "  nnviz-onnx model.onnx --layer layer1 --direction TB",
            "  nnviz-onnx model.onnx --collapse encoder.layer.0 --depth all",
            "  nnviz-onnx model.onnx -o model.dot && dot -Tsvg model.dot > model.svg",
            "  nnviz-onnx model.onnx -o fig.pdf --theme paper --legend",
            "  nnviz-onnx model.onnx -o model.json; nnviz-onnx model.json --depth 3",
            "  nnviz-onnx resnet18 --depth 3                 PyTorch model: converted, cached",
            "  nnviz-onnx 'my_model.py:Net;width=32' --input 1x3x64x64 -o net.mmd",
            "  nnviz-onnx convert resnet18 -o resnet18.onnx  only convert; see convert --help",
            "",
            "Exit codes: 0 success, 1 unreadable or invalid model, 2 bad usage."})
final class NnvizCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    // arity 0..1: picocli checks the parent's required parameters even when a subcommand runs; onnxFor() requires it
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The ONNX file to draw, a JSON file"
            + " written by --format json, or a PyTorch model to convert first: resnet18 (torchvision),"
            + " package.module:Net, model.py:Net, each with optional ;key=value.")
    private String model;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: from the -o extension, else mermaid.",
            completionCandidates = FormatNames.class)
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of stdout; its extension picks the format.")
    private Path output;

    @Option(names = {"-d", "--depth"}, paramLabel = "N|auto|all", converter = DepthConverter.class,
            defaultValue = "auto",
            description = "Modules at depth N are drawn as single nodes; 'all' draws every level; 'auto' opens"
                    + " modules, largest first, while the drawing stays within --max-nodes. Default: ${DEFAULT-VALUE}.")
    private DepthConverter.Depth depth;

    @Option(names = "--max-nodes", paramLabel = "N", defaultValue = "" + ViewOptions.DEFAULT_MAX_NODES,
            description = "The node budget of --depth auto. Default: ${DEFAULT-VALUE}.")
    private int maxNodes;

    @Option(names = "--no-fold", negatable = false,
            description = "Draw every repeated block; by default a run of identical consecutive blocks is drawn once"
                    + " with its count (encoder.layer.0–11 ×12).")
    private boolean noFold;

    @Option(names = "--collapse", paramLabel = "PATH",
            description = "Draw this module as one node (repeatable), e.g. layer1.0 or model/conv2d.")
    private List<String> collapse = new ArrayList<>();

    @Option(names = "--layer", paramLabel = "PATH",
            description = "Draw only this module; tensors crossing its boundary become its inputs and outputs.")
    private String layer;

    @Option(names = "--direction", paramLabel = "LR|TB",
            description = "Left to right (LR) or top to bottom (TB). Default: LR; TB with --theme paper, whose"
                    + " figures go into a page column.")
    private Direction direction;

    @Option(names = "--hierarchy", paramLabel = "CONVENTION", defaultValue = "auto",
            completionCandidates = HierarchyNames.class,
            description = "How module scopes are read from the file: ${COMPLETION-CANDIDATES}."
                    + " Default: ${DEFAULT-VALUE} (detected per file).")
    private String hierarchy;

    @Option(names = "--expand-subgraphs",
            description = "Draw the bodies of If/Loop/Scan as nested boxes instead of one black box each.")
    private boolean expandSubgraphs;

    @Option(names = "--show-constants",
            description = "Keep constants and shape glue (Shape/Gather/Unsqueeze/Concat chains computing shapes),"
                    + " which are hidden by default.")
    private boolean showConstants;

    @Option(names = "--fit", paramLabel = "github|none", defaultValue = "github",
            description = "For Mermaid: lower the depth until the diagram fits GitHub's limits (500 edges, 50,000"
                    + " characters); 'none' keeps the depth asked for. Default: ${DEFAULT-VALUE}.")
    private String fit;

    @Mixin
    private StyleOptions styleOptions = new StyleOptions();

    @Mixin
    private ShapeOptions shapes;

    @Mixin
    private ConverterOptions conversion;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors and warnings.")
    private boolean quiet;

    /** Nodes from which --fit github collapses two depths at a time, on two cores. */
    private static final int LARGE_MODEL = 20_000;

    /** Where diagrams go without -o; bytes, because rendered formats are binary. */
    private final OutputStream stdout;

    private NnvizCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    /**
     * The real standard output, unbuffered and unwrapped: System.out is a PrintStream, which hides a full disk or a
     * closed stdout, and the diagram would be lost without a word.
     */
    static CommandLine commandLine() {
        return commandLine(new FileOutputStream(FileDescriptor.out));
    }

    static CommandLine commandLine(OutputStream stdout) {
        CommandLine cl = new CommandLine(new NnvizCommand(stdout));
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
        if (!fit.equals("github") && !fit.equals("none")) {
            throw usage("unknown --fit '" + fit + "' (expected github or none)");
        }
        DrawOptions draw;
        try {
            draw = styleOptions.drawOptions(direction).withShowDtypes(shapes.showDtypes());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (maxNodes < 1) {
            throw usage("--max-nodes must be 1 or more");
        }
        ModelSource source = conversion.onnxFor(model, quiet);
        ViewOptions asked = new ViewOptions(depth.levels(), collapse, layer, expandSubgraphs, showConstants, !noFold,
                depth.auto(), maxNodes);
        Read read = readWithShapes(source, asked);
        ModelGraph full = read.model();
        ViewOptions viewOptions = read.view();
        ViewOptions drawn = viewOptions;
        String fitNote = "";
        Diagram diagram;
        try {
            if (isMermaid(emitter) && fit.equals("github")) {
                ModelGraph prepared = Views.prepare(full, viewOptions);
                GithubFit.Choice<ViewOptions> choice = GithubFit.choose(
                        Views.fitCandidates(viewOptions, Views.maxDepth(full)),
                        v -> new Diagram(full, Views.collapse(prepared, v), draw),
                        v -> Views.nodeCountAfterCollapse(prepared, v),
                        full.nodes().size() >= LARGE_MODEL);
                diagram = choice.diagram();
                drawn = choice.view();
                fitNote = Summary.fitNote(choice, viewOptions);
                String warning = Summary.fitWarning(choice);
                if (warning != null) {
                    spec.commandLine().getErr().println(warning);
                }
            } else {
                diagram = new Diagram(full, Views.apply(full, viewOptions), draw);
            }
        } catch (UnknownModuleException e) {
            throw usage(e.getMessage());
        }
        if (output != null) {
            AtomicFile.write(output, out -> emitter.writeBytes(diagram, out));
        } else {
            OutputStream destination = new DestinationStream(stdout, "standard output");
            emitter.writeBytes(diagram, destination);
            destination.flush();
        }
        if (!quiet) {
            spec.commandLine().getErr().println(Summary.of(full, diagram.model(), drawn, fitNote));
        }
        return 0;
    }

    /** The model read, and the view options with the modules they name resolved in it ({@link Views}). */
    private record Read(ModelGraph model, ViewOptions view) {
    }

    /**
     * The model with the shapes asked for; onnxruntime, when it will run, loads while the model is read. The modules
     * {@code asked} names are resolved first, so that a typo is reported before the model runs (shapes change no
     * module).
     */
    private Read readWithShapes(ModelSource source, ViewOptions asked) {
        // A JSON model already carries the shapes it was written with; only ONNX files can be run.
        boolean onnx = !ModelReader.looksLikeJson(source.file());
        boolean run = onnx && shapes.runs();
        try (RuntimePreload preload = RuntimePreload.startIf(run && Files.isRegularFile(source.file()))) {
            OnnxReader.Options options = new OnnxReader.Options(hierarchy);
            ModelGraph read = source.read(file -> ModelReader.read(file, source.name(), options));
            ViewOptions view;
            try {
                view = Views.resolveNamedModules(read, asked);
            } catch (UnknownModuleException e) {
                throw usage(e.getMessage());
            }
            if (!run) { // a run reports what it refuses to read itself, in its own warning
                Summary.readerWarnings(read).forEach(spec.commandLine().getErr()::println);
            }
            return new Read(onnx ? shapes.apply(read, source.file(), conversion.inputSpecs(), spec.commandLine(), quiet)
                    : read, view);
        }
    }

    private static boolean isMermaid(Emitter emitter) {
        return emitter.format().equals("mermaid") || emitter.format().equals("markdown");
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
