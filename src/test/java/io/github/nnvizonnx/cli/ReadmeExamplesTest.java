package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The diagrams in the README are what the commands above them print today. */
class ReadmeExamplesTest {
    /**
     * A one-line {@code ./nnviz-onnx ...} sh block, then the marker that keeps the block below current with the same
     * arguments ({@code nnviz-onnx sync}, see SyncCliTest), then the mermaid block.
     */
    private static final Pattern EXAMPLE = Pattern.compile(
            "```sh\\n\\./nnviz-onnx ([^\\n]*)\\n```\\n\\n[^`]*?<!-- nnviz-onnx ([^\\n]*) -->\\n"
                    + "```mermaid\\n(.*?)```", Pattern.DOTALL);

    @Test
    void mermaidBlocksMatchTheToolsOutput() throws IOException {
        String readme = Files.readString(ExternalTools.projectDir().resolve("README.md"));
        Matcher m = EXAMPLE.matcher(readme);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            List<String> args = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
            args.set(0, ExternalTools.projectDir().resolve(args.get(0)).toString());
            args.add("-q");
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.err());
            assertEquals(m.group(1), m.group(2), "the marker above the block draws what the command above says");
            assertEquals(m.group(3), run.out(), "README output of ./nnviz-onnx " + m.group(1));
            commands.add(m.group(1));
        }
        assertEquals(List.of("testdata/nnviz_intro.onnx", "testdata/nnviz_intro.onnx --no-fold",
                "testdata/nnviz_intro.onnx --depth 1"), commands);
    }

    @Test
    void synopsisNamesEveryOptionAndFormatOfHelp() throws IOException {
        String readme = Files.readString(ExternalTools.projectDir().resolve("README.md"));
        Matcher block = Pattern.compile("## Options\\n\\n```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "the synopsis under ## Options");
        String synopsis = block.group(1);
        CommandLine command = NnvizCommand.commandLine();
        List<String> missing = new ArrayList<>();
        for (CommandLine c : List.of(command, command.getSubcommands().get("convert"),
                command.getSubcommands().get("sync"))) {
            for (OptionSpec option : c.getCommandSpec().options()) {
                boolean named = java.util.Arrays.stream(option.names()).anyMatch(name -> Pattern.compile(
                        "[\\[ |]" + Pattern.quote(name) + "(?=[\\]\\s=|])").matcher(synopsis).find());
                if (!named) {
                    missing.add(c.getCommandName() + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), missing, "options of --help the synopsis leaves out");
        String formats = String.join("|", OutputFormat.FormatNames.names());
        assertTrue(synopsis.contains("--format " + formats + "]"), "formats as --help lists them: " + formats);
    }

    @Test
    void committedIntroExportCarriesClassNames() {
        ModelGraph g = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));
        assertEquals("LinearBlock", g.modules().find("block1").orElseThrow().className());
        assertEquals("Linear", g.modules().find("head").orElseThrow().className());
        assertEquals("ReLU", g.modules().find("block2.relu").orElseThrow().className());
        assertTrue(g.info().metadata().containsKey("nnviz.modules"));
    }
}
