package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Fit;
import io.github.nnvizonnx.api.ModelInput;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.read.hierarchy.Conventions;
import io.github.nnvizonnx.shapes.ShapeRequest;
import io.github.nnvizonnx.shapes.ShapeRequestException;
import io.github.nnvizonnx.transform.UnknownModuleException;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Every option that says what to draw of a model and how: the view (depth, budget, folds, collapse, layer), the
 * hierarchy convention, shapes, style, and the conversion of a PyTorch model. Mixed into each command that draws
 * (the main command, diff, sync's markers), so they all take the same options with the same meaning.
 */
final class DrawingOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

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

    /** How MODEL is turned into the pipeline's input (an ONNX or JSON file, or a PyTorch model to convert). */
    ConverterOptions conversion() {
        return conversion;
    }

    /** The pipeline's input for MODEL: the file itself, or the export of a converted PyTorch model. */
    ModelInput input(String model, boolean quiet) {
        return conversion.onnxFor(model, quiet);
    }

    /**
     * A request to draw {@code input} with {@code emitter}, every option of this group set; the caller adds the
     * reporter. Bad values (a budget below 1, an unknown style setting) are usage errors of the command.
     */
    Nnviz request(ModelInput input, Emitter emitter) {
        return configure(Nnviz.read(input), emitter);
    }

    /** {@link #request} for the comparison of two models ({@code diff OLD NEW}), both read the same way. */
    Nnviz comparison(ModelInput oldModel, ModelInput newModel, Emitter emitter) {
        return configure(Nnviz.diff(oldModel, newModel), emitter);
    }

    private Nnviz configure(Nnviz request, Emitter emitter) {
        if (maxNodes < 1) {
            throw usage("--max-nodes must be 1 or more");
        }
        DrawOptions draw;
        try {
            draw = styleOptions.drawOptions(direction).withShowDtypes(shapes.showDtypes());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ShapeRequest shapeRequest;
        try {
            shapeRequest = shapes.request(conversion.inputSpecs());
        } catch (ShapeRequestException e) {
            throw usage(e.getMessage());
        }
        return request
                .hierarchy(hierarchy)
                .shapes(shapeRequest)
                .view(View.of(new ViewOptions(depth.levels(), collapse, layer, expandSubgraphs, showConstants,
                        !noFold, depth.auto(), maxNodes)))
                .style(draw)
                .medium(styleOptions.medium(emitter.format()))
                .fit(fit)
                .emitter(emitter);
    }

    /** Runs {@code request}; a module or input the model lacks is a usage error of the command. */
    Drawing draw(Nnviz request) throws IOException {
        try {
            return request.draw();
        } catch (UnknownModuleException | ShapeRequestException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
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
