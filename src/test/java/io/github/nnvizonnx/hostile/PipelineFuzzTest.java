package io.github.nnvizonnx.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.nnvizonnx.read.InvalidModelException;
import io.github.nnvizonnx.testsupport.WholePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of read → transform → emit. Any bytes may come in; the only allowed failure is the
 * documented {@link InvalidModelException}, and every output must be well formed ({@link WholePipeline}).
 *
 * <p>A plain {@code ./mvnw test} runs the seeds in {@code PipelineFuzzTestInputs/} (real models, truncated ones,
 * hostile names, JSON) and every finding kept there, as regression tests. With {@code JAZZER_FUZZ=1} (set by
 * {@code .ci/run}) a separate Surefire execution fuzzes for {@code maxDuration}; {@code JAZZER_MAX_DURATION=30m}
 * fuzzes longer, and new findings are written to {@code PipelineFuzzTestInputs/readTransformEmit/}.
 */
class PipelineFuzzTest {
    /** The conventions a file can be forced into; {@code auto} is always tried first. */
    private static final List<String> FORCED = List.of("torch", "dynamo", "tf", "functions", "flat");
    /** Above this size the second, forced read is skipped to keep executions fast. */
    private static final int SECOND_READ_LIMIT = 1 << 16;

    private static Path scratch;

    @BeforeAll
    static void scratchFile() throws IOException {
        scratch = Files.createTempFile("nnviz-fuzz", ".onnx");
    }

    @AfterAll
    static void removeScratchFile() throws IOException {
        Files.deleteIfExists(scratch);
    }

    @FuzzTest(maxDuration = "90s")
    void readTransformEmit(byte[] data) throws IOException {
        Files.write(scratch, data);
        drawOrReject("auto");
        if (data.length <= SECOND_READ_LIMIT) {
            drawOrReject(FORCED.get(data.length % FORCED.size()));
        }
    }

    private static void drawOrReject(String hierarchy) {
        try {
            WholePipeline.drawEverything(scratch, hierarchy);
        } catch (InvalidModelException expected) {
            if (expected.getMessage() == null || expected.getMessage().contains("\n")) {
                throw new AssertionError("the error for the user is not one line: " + expected.getMessage());
            }
        }
    }
}
