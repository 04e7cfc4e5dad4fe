package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.read.InvalidModelException;
import io.github.nnvizonnx.testsupport.HangGuard;
import io.github.nnvizonnx.testsupport.HostileFiles;
import io.github.nnvizonnx.testsupport.WholePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@link HostileFiles} through the library (read, every view, every emitter, outputs checked) and
 * through the command line: a clean one-line error or a correct diagram, never another exception, never a stack
 * trace, never the "internal error" fallback. The time limit only guards against hangs; it is no benchmark.
 */
@Tag("slow") // every hostile file through every view and emitter, and the CLI: left out of the quick tier (-Pquick)
class BadInputMatrixTest {
    private static final Duration HANG_GUARD = HangGuard.LIMIT;

    @TempDir
    Path dir;

    static List<HostileFiles.Case> cases() {
        return HostileFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cleanErrorOrCorrectDiagram(HostileFiles.Case bad) throws IOException {
        Path file = bad.maker().make(dir);
        Outcome library = assertTimeoutPreemptively(HANG_GUARD, () -> Outcome.of(file), bad.name());
        switch (bad.expect()) {
            case ERROR -> assertNotNull(library.error(), "expected a clean error, but it drew");
            case DIAGRAM -> assertNotNull(library.drawn(), () -> "expected a diagram, got: " + library.error());
            case EITHER -> { }
        }
        if (library.drawn() != null) {
            bad.check().verify(library.drawn());
        } else {
            assertFalse(library.error().isBlank() || library.error().contains("\n"), library.error());
        }

        Path output = Files.createDirectories(dir.resolve("out")).resolve("diagram.mmd");
        CommandRun cli = assertTimeoutPreemptively(HANG_GUARD, () -> CommandRun.of(file.toString(), "-q", "-o",
                output.toString()), bad.name());
        assertEquals(library.drawn() != null ? 0 : ErrorHandlers.BAD_INPUT, cli.code(), cli.err());
        if (cli.code() != 0) {
            assertEquals(1, cli.errLines().size(), cli.err());
            assertTrue(cli.err().startsWith("nnviz-onnx: ") && !cli.err().contains("\tat "), cli.err());
            assertFalse(cli.err().contains("internal error"), cli.err());
            assertFalse(Files.exists(output), "no output file after a failure");
        }
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertEquals(library.drawn() != null ? List.of(output) : List.of(), left.toList(), "no temp files");
        }
    }

    /** What the library made of a file: a drawing, or the message of the documented error. */
    private record Outcome(WholePipeline.Drawn drawn, String error) {
        static Outcome of(Path file) {
            try {
                return new Outcome(WholePipeline.drawEverything(file, "auto"), null);
            } catch (InvalidModelException e) {
                return new Outcome(null, String.valueOf(e.getMessage()));
            }
        }
    }
}
