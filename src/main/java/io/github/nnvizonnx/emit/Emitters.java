package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.internal.Plugins;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The installed emitters: those listed in {@code META-INF/services/io.github.nnvizonnx.emit.Emitter} of any jar on
 * the class path, this library's own and plug-ins alike.
 */
public final class Emitters {
    private Emitters() {
    }

    /** Every installed emitter, in class-path order. */
    public static List<Emitter> installed() {
        return Plugins.installed(Emitter.class);
    }

    /** The format names of the installed emitters, e.g. {@code mermaid}, {@code dot}. */
    public static List<String> formatNames() {
        return installed().stream().map(Emitter::format).toList();
    }

    /** The Mermaid emitter, the default format. */
    public static Emitter mermaid() {
        return new MermaidEmitter();
    }

    /** The installed emitter whose {@link Emitter#format()} is {@code format}, in any case. */
    public static Optional<Emitter> byFormat(String format) {
        String wanted = format.toLowerCase(Locale.ROOT);
        return installed().stream().filter(e -> e.format().equals(wanted)).findFirst();
    }

    /** The emitter whose extension ends the file name, preferring the longest match. */
    public static Optional<Emitter> byFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        Emitter best = null;
        int bestLength = 0;
        for (Emitter e : installed()) {
            for (String ext : e.fileExtensions()) {
                if (lower.endsWith(ext) && ext.length() > bestLength) {
                    best = e;
                    bestLength = ext.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
