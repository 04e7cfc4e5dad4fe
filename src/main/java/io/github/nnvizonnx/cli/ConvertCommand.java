package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.convert.ModelSpec;
import io.github.nnvizonnx.internal.io.AtomicFile;
import io.github.nnvizonnx.read.OnnxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Exports a PyTorch model to ONNX with its module scopes and class names (metadata"
                + " 'nnviz.modules'), without drawing it. Uses the same cache as drawing a spec directly.",
        footerHeading = "%nExamples:%n",
        // at most 80 columns each: picocli wraps a longer footer line to column 0
        footer = {
            "  nnviz-onnx convert resnet18 -o resnet18.onnx",
            "  nnviz-onnx convert 'net.py:Net;width=32;depth=3' --input 1x3x64x64 -o net.onnx",
            "  nnviz-onnx convert torchvision.models:vgg11 --input image64 -o vgg11.onnx",
            "  nnviz-onnx convert traced.pt -o traced.onnx",
            "",
            "Exit codes: 0 success, 1 the model could not be converted, 2 bad usage."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC",
            description = "A torchvision name (resnet18), package.module:Symbol or file.py:Symbol, with optional"
                    + " constructor arguments: 'model.py:Net;width=32'; or a TorchScript archive (torch.jit.save), or a"
                    + " model pickled with torch.save (with --trust-pickle).")
    private String model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The ONNX file to write (atomically).")
    private Path output;

    @Mixin
    private ConverterOptions conversion;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr except errors.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        ModelSpec modelSpec = conversion.recognise(model).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "'" + model + "' is not a model spec (expected resnet18, package.module:Net,"
                        + " model.py:Net or a saved PyTorch model); an ONNX file needs no conversion"));
        if (OutputOverInput.overwritten(output, model, java.util.Optional.of(modelSpec)) != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + output + " is the model's own"
                    + " source file: choose another output file");
        }
        // A cached export is checked before it is copied: a bad one is exported again rather than handed on.
        Path export = conversion.export(modelSpec, quiet).read(OnnxReader::check);
        AtomicFile.copy(export, output);
        if (!quiet) {
            spec.commandLine().getErr().println("nnviz-onnx: wrote " + output);
        }
        return 0;
    }
}
