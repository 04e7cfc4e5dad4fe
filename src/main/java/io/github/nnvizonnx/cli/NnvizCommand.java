package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Fit;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.Reporter;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.read.hierarchy.Conventions;
import io.github.nnvizonnx.shapes.ShapeRequestException;
import io.github.nnvizonnx.transform.UnknownModuleException;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
            description = "Write to FILE (atomically) instead of stdout; its extension picks the format (a device such"
                    + " as /dev/null without one: --format, else mermaid).")
    private Path output;

    @Option(names = {"-d", "--depth"}, paramLabel = "N|auto|all", converter = DepthConverter.class,
            defaultValue = "auto",
            description = "Modules at depth N are drawn as single nodes; 'all' draws every level; 'auto' opens"
                    + " modules level by level, largest first, while the drawing stays within --max-nodes."
                    + " Default: ${DEFAULT-VALUE}.")
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

    @Option(names = "--direction", paramLabel = "auto|LR|TB", defaultValue = "auto",
            description = "Left to right (LR), top to bottom (TB), or auto: chosen per drawing from its shape for"
                    + " where it goes (Mermaid: GitHub's 880 px column; PDF and --theme paper: a 6.5x9 in page;"
                    + " SVG/PNG: a screen). Default: ${DEFAULT-VALUE}.")
    private Direction direction;

    @Option(names = "--hierarchy", paramLabel = "CONVENTION", defaultValue = Conventions.AUTO,
            converter = HierarchyConverter.class, completionCandidates = HierarchyNames.class,
            description = "How module scopes are read from the file: ${COMPLETION-CANDIDATES} (plug-ins add more)."
                    + " Default: ${DEFAULT-VALUE} (detected per file).")
    private String hierarchy;

    @Option(names = "--expand-subgraphs",
            description = "Draw the bodies of If/Loop/Scan as nested boxes instead of one black box each. Without"
                    + " it they are drawn open anyway when the black boxes would hide more than half of the"
                    + " operations; --collapse PATH closes one.")
    private boolean expandSubgraphs;

    @Option(names = "--show-constants",
            description = "Keep constants and shape glue (Shape/Gather/Unsqueeze/Concat chains computing shapes),"
                    + " which are hidden by default.")
    private boolean showConstants;

    @Option(names = "--fit", paramLabel = "github|none", defaultValue = "github",
            description = "For Mermaid: lower the depth until the diagram fits GitHub's limits (500 edges, 50,000"
                    + " characters); 'none' keeps the depth asked for. Default: ${DEFAULT-VALUE}.")
    private Fit fit;

    @Mixin
    private StyleOptions styleOptions = new StyleOptions();

    @Mixin
    private ShapeOptions shapes;

    @Mixin
    private ConverterOptions conversion;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors and warnings.")
    private boolean quiet;

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
        return commandLine(new FileOutputStream(FileDescriptor.out), Main.stderr());
    }

    /**
     * Diagrams go to {@code stdout}; messages to {@code stderr}, through {@link StderrLines}, the one point where
     * every line printed is made printable and short.
     */
    static CommandLine commandLine(OutputStream stdout, java.io.Writer stderr) {
        CommandLine cl = new CommandLine(new NnvizCommand(stdout));
        cl.setErr(StderrLines.over(stderr));
        cl.setParameterExceptionHandler(new ErrorHandlers.UsageErrors());
        cl.setExecutionExceptionHandler(new ErrorHandlers.ExecutionErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        Path overwritten = OutputOverInput.overwritten(output, model,
                model == null ? java.util.Optional.empty() : conversion.recognise(model));
        if (overwritten != null) {
            throw usage("-o " + output + " is the model itself (" + overwritten + "): choose another output file");
        }
        Emitter emitter = chooseEmitter();
        if (maxNodes < 1) {
            throw usage("--max-nodes must be 1 or more");
        }
        DrawOptions draw;
        try {
            draw = styleOptions.drawOptions(direction).withShowDtypes(shapes.showDtypes());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Drawing drawing;
        try {
            drawing = Nnviz.read(conversion.onnxFor(model, quiet))
                    .hierarchy(hierarchy)
                    .shapes(shapes.request(conversion.inputSpecs()))
                    .view(View.of(new ViewOptions(depth.levels(), collapse, layer, expandSubgraphs, showConstants,
                            !noFold, depth.auto(), maxNodes)))
                    .style(draw)
                    .medium(styleOptions.medium(emitter.format()))
                    .fit(fit)
                    .emitter(emitter)
                    .reporter(new StderrReporter(err, quiet))
                    .draw();
        } catch (UnknownModuleException | ShapeRequestException e) {
            throw usage(e.getMessage());
        }
        if (output != null) {
            drawing.writeTo(output);
        } else {
            drawing.writeTo(stdout, "standard output");
        }
        if (!quiet) {
            err.println(Summary.of(drawing));
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
            if (isDevice(output) && Emitters.byFileName(name).isEmpty()) {
                return Emitters.mermaid(); // /dev/null, /dev/stdout, a pipe: no extension to go by
            }
            return Emitters.byFileName(name).orElseThrow(() -> usage("cannot tell the format from '" + name
                    + "'; add --format (installed: " + String.join(", ", FormatNames.names()) + ")"));
        }
        return Emitters.mermaid();
    }

    /** Whether {@code path} is a device or a pipe, which AtomicFile writes in place. */
    private static boolean isDevice(Path path) {
        return java.nio.file.Files.exists(path) && !java.nio.file.Files.isRegularFile(path)
                && !java.nio.file.Files.isDirectory(path);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
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

    /** The values of --hierarchy: auto, then the installed conventions. */
    static final class HierarchyNames implements Iterable<String> {
        static List<String> names() {
            List<String> names = new ArrayList<>(List.of(Conventions.AUTO));
            names.addAll(Conventions.names());
            return names;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }
    }

    /** A --hierarchy value: auto or an installed convention's name, in any case. */
    static final class HierarchyConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            for (String name : HierarchyNames.names()) {
                if (name.equalsIgnoreCase(value.strip())) {
                    return name;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a hierarchy convention (expected "
                    + String.join(", ", HierarchyNames.names()) + ")");
        }
    }
}
