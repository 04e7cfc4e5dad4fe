package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.emit.Emitter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Draws one diagram of NEW with what differs from OLD marked: added (only in NEW: bold,"
                + " doubled outline), removed (only in OLD: dashed and faded, drawn where it was) and changed (op"
                + " type, attributes, parameters, element types or shapes: dotted outline, with what changed)."
                + " Modules are matched by path, then by structure; operations by their order and op type. Takes"
                + " the view and format options of the main command; prints the counts on stderr.",
        footerHeading = "%nExamples:%n",
        // at most 80 columns each: picocli wraps a longer footer line to column 0
        footer = {
            "  nnviz-onnx diff resnet18 resnet34 -o diff.svg",
            "  nnviz-onnx diff model.onnx model-int8.onnx --depth 2 -f markdown",
            "  nnviz-onnx diff old.onnx new.onnx --layer encoder.layer.0 --depth all",
            "  nnviz-onnx diff old.json new.onnx -o diff.graphml",
            "",
            "Exit codes: 0 success (also when the models are identical), 1 unreadable or",
            "invalid model, 2 bad usage."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The model before: an ONNX file, a JSON file written"
            + " by --format json, or a PyTorch model to convert first (as for the main command).")
    private String oldModel;

    @Parameters(index = "1", paramLabel = "NEW", description = "The model after, drawn with the differences marked.")
    private String newModel;

    @Mixin
    private OutputFormat outputFormat;

    @Mixin
    private DrawingOptions drawing;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors and warnings.")
    private boolean quiet;

    /** Where diagrams go without -o; the main command's. */
    private final OutputStream stdout;

    DiffCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        Path output = outputFormat.output();
        for (String model : new String[] {oldModel, newModel}) {
            Path overwritten = OutputOverInput.overwritten(output, model, drawing.conversion().recognise(model));
            if (overwritten != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-o " + output + " is a model"
                        + " compared (" + overwritten + "): choose another output file");
            }
        }
        Emitter emitter = outputFormat.emitter();
        PrintWriter err = spec.commandLine().getErr();
        Nnviz request = drawing.comparison(drawing.input(oldModel, quiet), drawing.input(newModel, quiet), emitter)
                .reporter(new StderrReporter(err, quiet));
        Drawing drawn = drawing.draw(request);
        outputFormat.write(drawn, stdout);
        if (!quiet) {
            err.println(Summary.ofDiff(drawn));
        }
        return 0;
    }
}
