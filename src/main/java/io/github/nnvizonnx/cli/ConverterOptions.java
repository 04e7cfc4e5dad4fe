package io.github.nnvizonnx.cli;

import io.github.nnvizonnx.api.ModelInput;
import io.github.nnvizonnx.convert.ConversionSettings;
import io.github.nnvizonnx.convert.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options for a MODEL given as a PyTorch spec ({@code resnet18}, {@code model.py:Net}) instead of an ONNX file, mixed
 * into the main command and {@code convert}. {@code --input} is shared: shape inference (onnxruntime) takes
 * {@code --input NAME=shape} with the same meaning, the shapes of the model's inputs; where both exist there is one
 * option, read by the converter and by shape inference alike.
 */
final class ConverterOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--input", paramLabel = "SHAPES",
            description = {"Input shapes (repeatable or ';'-separated): 1x3x224x224, default or image224 (the one"
                    + " image input, 1x3x224x224), tokens16 (1x16 int64), audio16000 (1x16000 samples), or"
                    + " NAME=shape, e.g. ids=1x128:int64;mask=1x128:int64. They shape the example input of a"
                    + " converted model and bind the inputs of the onnxruntime shape run."})
    private List<String> inputs = new ArrayList<>();

    /** Each input spec given, ';'-separated lists split. */
    List<String> inputSpecs() {
        List<String> specs = new ArrayList<>();
        for (String input : inputs) {
            for (String part : input.split(";")) {
                if (!part.isBlank()) {
                    specs.add(part.strip());
                }
            }
        }
        return specs;
    }

    private String python;

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "Python with torch for converting a model spec. Default: $" + ConversionSettings.PYTHON_ENV
                    + ", else " + ConversionSettings.DEFAULT_PYTHON + ".")
    private void setPython(String value) {
        // An empty value is a mistake (an unset shell variable, say), not a request for the default interpreter.
        if (value.isBlank()) {
            throw new ParameterException(mixee.commandLine(), "--python needs an interpreter, not an empty value");
        }
        python = value;
    }

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where converted models are cached. Default: $XDG_CACHE_HOME/" + ConversionSettings.CACHE_DIR_NAME
                    + ", else ~/.cache/" + ConversionSettings.CACHE_DIR_NAME + ".")
    private Path cacheDir;

    @Option(names = "--no-cache", description = "Convert again even when the model is cached.")
    private boolean noCache;

    @Option(names = "--deployed", description = {"Convert the deployed form: each BatchNorm folded into the"
            + " convolution before it, as torch.onnx.export does in eval mode. By default the layers stay as the"
            + " model writes them."})
    private boolean deployed;

    @Option(names = "--trust-pickle", description = {"Load a model pickled whole with torch.save. Unpickling imports"
            + " and runs code the file names, as torch.load does: only for files you trust. TorchScript archives"
            + " need no such trust."})
    private boolean trustPickle;

    @Option(names = "--convert-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop a conversion that runs longer. Default: ${DEFAULT-VALUE}.")
    private long timeoutSeconds;

    /** MODEL itself when it is an ONNX file, else the export of the model it names (converted or cached). */
    ModelInput onnxFor(String model, boolean quiet) {
        if (model == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required parameter: 'MODEL'");
        }
        Optional<ModelSpec> spec = recognise(model);
        if (spec.isEmpty()) {
            try {
                Path file = Path.of(model);
                return ModelInput.file(file, file.getFileName() == null ? model : file.getFileName().toString());
            } catch (java.nio.file.InvalidPathException e) {
                throw new ParameterException(mixee.commandLine(), "'" + model + "' is neither a file name nor a"
                        + " model spec");
            }
        }
        return export(spec.get(), quiet);
    }

    /** The spec MODEL is, or empty for an ONNX file; a malformed spec is a usage error. */
    Optional<ModelSpec> recognise(String model) {
        try {
            return ModelSpec.recognise(model);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** The export of the model spec names, converted or cached; a cached one can be exported again. */
    ModelInput export(ModelSpec spec, boolean quiet) {
        return ModelInput.converted(spec, settings(quiet));
    }

    private ConversionSettings settings(boolean quiet) {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(mixee.commandLine(), "--convert-timeout must be a positive number of seconds");
        }
        PrintWriter err = mixee.commandLine().getErr();
        return new ConversionSettings(
                ConversionSettings.choosePython(python, System.getenv()),
                inputs.isEmpty() ? null : String.join(";", inputs),
                cacheDir != null ? cacheDir
                        : ConversionSettings.defaultCacheDir(System.getenv(), System.getProperty("user.home")),
                Duration.ofSeconds(timeoutSeconds), !noCache,
                line -> {
                    if (!quiet) {
                        err.println("nnviz-onnx: " + line);
                        err.flush();
                    }
                }, deployed, trustPickle);
    }
}
