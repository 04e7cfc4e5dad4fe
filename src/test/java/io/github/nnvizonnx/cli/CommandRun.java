package io.github.nnvizonnx.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One run of the command line in-process: its exit code and what it printed. */
record CommandRun(int code, String out, String err) {
    /** {@code out} holds the diagram (written as bytes) followed by anything picocli printed (help, version). */
    static CommandRun of(String... args) {
        ByteArrayOutputStream diagram = new ByteArrayOutputStream();
        CommandLine cl = NnvizCommand.commandLine(diagram);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, diagram.toString(StandardCharsets.UTF_8) + out, err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
