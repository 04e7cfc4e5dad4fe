package io.github.nnvizonnx.convert;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where exported models are kept: {@code $XDG_CACHE_HOME/nnviz-onnx}, else {@code ~/.cache/nnviz-onnx}. Exports sit
 * in {@code exports/} named by model and key ({@code resnet18-3f2a….onnx}); converter scripts are unpacked into
 * {@code converters/}; saved models' digests are remembered in {@code digests/}.
 */
final class ExportCache {
    static final String DIR_NAME = "nnviz-onnx";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int KEY_CHARS = 20;

    private final Path dir;

    ExportCache(Path dir) {
        this.dir = dir;
    }

    /** The default cache directory for this environment and home directory. */
    static Path defaultDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, DIR_NAME);
        }
        return Path.of(userHome, ".cache", DIR_NAME);
    }

    Path dir() {
        return dir;
    }

    Path exports() {
        return dir.resolve("exports");
    }

    Path converters() {
        return dir.resolve("converters");
    }

    /** The SHA-256 digests of saved models, remembered by file identity ({@link FileDigests}). */
    FileDigests digests() {
        return new FileDigests(dir.resolve("digests"));
    }

    /** The file an export with this key is (or will be) stored in. */
    Path exportFile(ModelSpec spec, ExportKey key) {
        String name = UNSAFE.matcher(spec.shortName()).replaceAll("_");
        return exports().resolve(name + "-" + key.hash().substring(0, KEY_CHARS) + ".onnx");
    }
}
