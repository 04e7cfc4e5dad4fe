package io.github.nnvizonnx.emit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.nnvizonnx.emit.DestinationStream;
import io.github.nnvizonnx.emit.OutputFailure;
import io.github.nnvizonnx.testsupport.ProcessTreeStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dot that never finishes, or whose output cannot be written, is stopped with everything it started. */
class GraphvizRendererTest {
    /** Only guards against a hang; a working renderer returns long before. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);
    private static final String SOURCE = "digraph { a -> b }";

    @TempDir
    Path dir;

    @Test
    void dotStillRunningAtTheLimitIsStoppedWithItsChildren() throws Exception {
        ProcessTreeStub dot = ProcessTreeStub.write(dir, "dot", "<svg");
        RenderException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RenderException.class,
                () -> GraphvizRenderer.render(dot.program(), SOURCE, "svg", new ByteArrayOutputStream(),
                        Duration.ofSeconds(5))));
        assertEquals("Graphviz took longer than 5.0 s; try a smaller --depth or --layer", e.getMessage());
        dot.assertEnded();
    }

    @Test
    void anOutputThatFailsStopsDotAndSaysWhy() throws Exception {
        ProcessTreeStub dot = ProcessTreeStub.write(dir, "dot", "<svg");
        OutputStream full = new DestinationStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, "out.svg");
        OutputFailure e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(OutputFailure.class,
                () -> GraphvizRenderer.render(dot.program(), SOURCE, "svg", full, GraphvizRenderer.TIME_LIMIT)));
        assertEquals("cannot write to out.svg: No space left on device", e.getMessage());
        dot.assertEnded();
    }
}
