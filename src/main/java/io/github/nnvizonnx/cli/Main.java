package io.github.nnvizonnx.cli;

import picocli.CommandLine;

/** Entry point of the command line tool. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code: 0 success, 1 bad input, 2 usage error. */
    public static int run(String... args) {
        return NnvizCommand.commandLine().execute(args);
    }
}
