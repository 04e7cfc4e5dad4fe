package io.github.nnvizonnx.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line tool in a JVM of its own, for what only a real process shows: its real standard output, the
 * signals it gets, the programs and files it leaves behind.
 */
public final class ChildCli {
    private ChildCli() {
    }

    /** A builder for {@code java [jvmOptions] -cp <test class path> Main [args]}; the caller adds redirects. */
    public static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.github.nnvizonnx.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** {@code PATH} with {@code dir} searched first: its stand-in programs win over the real ones. */
    public static void putFirstOnPath(ProcessBuilder builder, Path dir) {
        String path = System.getenv("PATH");
        builder.environment().put("PATH", dir + (path == null ? "" : java.io.File.pathSeparator + path));
    }
}
