package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Graphviz's dot on DOT files, as the real consumer of our DOT output. */
public final class Graphviz {
    private Graphviz() {
    }

    public static void require() {
        ExternalTools.require("Graphviz dot (Debian package graphviz)", ExternalTools.onPath("dot"));
    }

    /** dot's exit code and messages for one file, written as {@code format} to {@code output}. */
    public record Outcome(int exitCode, String messages) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public static Outcome run(Path dotFile, String format, Path output) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("dot", "-T" + format, "-o", output.toString(), dotFile.toString()))
                .redirectErrorStream(true).start();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(-1, "dot timed out on " + dotFile);
        }
        return new Outcome(p.exitValue(), messages);
    }
}
