package io.github.nnvizonnx.testsupport;

import io.github.nnvizonnx.convert.ConversionSettings;
import io.github.nnvizonnx.convert.ModelSpec;
import io.github.nnvizonnx.convert.PyTorchConverter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PyTorch models converted by our own converter (so that the file carries the module classes), with Debian's
 * torch, into the cache the tests share: each is exported once per build.
 */
public final class ConvertedModels {
    private ConvertedModels() {
    }

    /** {@code spec} as the command line takes it (a torchvision name, file.py:Class); {@code input} may be null. */
    public static synchronized Path get(String spec, String input) {
        TorchExports.requireTorch();
        ConversionSettings settings = new ConversionSettings(TorchExports.PYTHON, input,
                ConverterFixtures.sharedCache(), Duration.ofMinutes(10), true, line -> { });
        return new PyTorchConverter().convert(ModelSpec.recognise(spec).orElseThrow(), settings).onnx();
    }

    /** A spec for a model of {@code testdata/transformers.py}. */
    public static String transformers(String className) {
        return ExternalTools.projectDir().resolve("testdata/transformers.py") + ":" + className;
    }
}
