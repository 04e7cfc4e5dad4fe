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
            "  nnviz-onnx traced.pt --depth 2                TorchScript archive (jit.save)",
            "  nnviz-onnx convert resnet18 -o resnet18.onnx  only convert; see convert --help",
            "  nnviz-onnx diff resnet18 resnet34 -o diff.svg compare two models; diff --help",
            "  nnviz-onnx sync --check README.md docs        Markdown diagrams; sync --help",
            "",
            "Exit codes: 0 success, 1 unreadable or invalid model, 2 bad usage."})
final class NnvizCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    // arity 0..1: picocli checks the parent's required parameters even when a subcommand runs; onnxFor() requires it
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The ONNX file to draw, a JSON file"
            + " written by --format json, or a PyTorch model to convert first: resnet18 (torchvision),"
            + " package.module:Net, model.py:Net, each with optional ;key=value, or a saved one: a TorchScript"
            + " archive (torch.jit.save), a model pickled with torch.save (with --trust-pickle).")
    private String model;

    @Mixin
    private OutputFormat outputFormat;

    @Mixin
    private DrawingOptions drawing;

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
        cl.addSubcommand("diff", new DiffCommand(stdout));
        cl.addSubcommand(new SyncCommand(stdout));
        cl.setErr(StderrLines.over(stderr));
        cl.setParameterExceptionHandler(new ErrorHandlers.UsageErrors());
        cl.setExecutionExceptionHandler(new ErrorHandlers.ExecutionErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        Path output = outputFormat.output();
        ConverterOptions conversion = drawing.conversion();
        Path overwritten = OutputOverInput.overwritten(output, model,
                model == null ? java.util.Optional.empty() : conversion.recognise(model));
        if (overwritten != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + output + " is the model itself ("
                    + overwritten + "): choose another output file");
        }
        Emitter emitter = outputFormat.emitter();
        PrintWriter err = spec.commandLine().getErr();
        Nnviz request = drawing.request(drawing.input(model, quiet), emitter)
                .reporter(new StderrReporter(err, quiet));
        Drawing drawn = drawing.draw(request);
        outputFormat.write(drawn, stdout);
        if (!quiet) {
            err.println(Summary.of(drawn));
        }
        outputFormat.openWritten(err, quiet);
        return 0;
    }
}
