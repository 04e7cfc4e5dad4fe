package io.github.nnvizonnx.convert;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How to run a converter. {@code python} is the interpreter to run (a path, or a command looked up on PATH);
 * {@code inputSpec} the converter's input shapes ({@code 1x3x224x224}, {@code image224}, {@code name=shape;...}), or
 * null for its default; {@code cacheDir} where exports are kept; {@code useCache} false to export again even when an
 * export is cached; {@code log} receives progress lines (export started, cache hit); {@code deployed} exports the
 * deployed form, each BatchNorm folded into the convolution before it (by default the layers stay as written);
 * {@code trustPickle} allows loading a model pickled with {@code torch.save}, which runs code the file names.
 */
public record ConversionSettings(String python, String inputSpec, Path cacheDir, Duration timeout, boolean useCache,
                                 Consumer<String> log, boolean deployed, boolean trustPickle) {
    /** The interpreter when none is given on the command line. */
    public static final String DEFAULT_PYTHON = "python3";
    /** The environment variable naming the interpreter, consulted when {@code --python} is not given. */
    public static final String PYTHON_ENV = "NNVIZ_PYTHON";

    /** The name of the cache folder inside {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    public static final String CACHE_DIR_NAME = ExportCache.DIR_NAME;

    /** Where exports are cached by default: {@code $XDG_CACHE_HOME/nnviz-onnx}, else {@code ~/.cache/nnviz-onnx}. */
    public static Path defaultCacheDir(java.util.Map<String, String> env, String userHome) {
        return ExportCache.defaultDir(env, userHome);
    }

    /** Settings that export the model's layers as written (BatchNorm kept). */
    public ConversionSettings(String python, String inputSpec, Path cacheDir, Duration timeout, boolean useCache,
                              Consumer<String> log) {
        this(python, inputSpec, cacheDir, timeout, useCache, log, false);
    }

    /** Settings that load no pickled model. */
    public ConversionSettings(String python, String inputSpec, Path cacheDir, Duration timeout, boolean useCache,
                              Consumer<String> log, boolean deployed) {
        this(python, inputSpec, cacheDir, timeout, useCache, log, deployed, false);
    }

    /** The same settings, but exporting again even when an export is cached. */
    public ConversionSettings withoutCache() {
        return new ConversionSettings(python, inputSpec, cacheDir, timeout, false, log, deployed, trustPickle);
    }

    /** {@code --python} if given, else {@code $NNVIZ_PYTHON} if set, else {@code python3}. */
    public static String choosePython(String option, java.util.Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = env.get(PYTHON_ENV);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_PYTHON;
    }
}
