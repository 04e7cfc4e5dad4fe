package io.github.nnvizonnx.emit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.nnvizonnx.internal.io.DestinationStream;
import io.github.nnvizonnx.internal.io.OutputFailure;
import io.github.nnvizonnx.testsupport.HangGuard;
import io.github.nnvizonnx.testsupport.ProcessTreeStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dot that never finishes, or whose output cannot be written, is stopped with everything it started. */
@Tag("slow") // waits out a time limit: left out of the quick tier (-Pquick)
class GraphvizRendererTest {
    /** Only guards against a hang; a working renderer returns long before. */
    private static final Duration HANG_GUARD = HangGuard.LIMIT;
    private static final String SOURCE = "digraph { a -> b }";

    @TempDir
    Path dir;

    @Test
    void dotStillRunningAtTheLimitIsStoppedWithItsChildren() throws Exception {
        ProcessTreeStub dot = ProcessTreeStub.write(dir, "dot", "<svg");
        RenderException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RenderException.class,
                () -> GraphvizRenderer.render(dot.program(), SOURCE, "svg", new ByteArrayOutputStream(),
                        Duration.ofSeconds(5), w -> { })));
        assertEquals("Graphviz took longer than 5.0 s (--render-time-limit); try a smaller --depth or --layer", e.getMessage());
        dot.assertEnded();
    }

    @Test
    void whatDotWarnsAboutReachesTheUserAsOneLine() throws Exception {
        Path dot = dir.resolve("dot");
        java.nio.file.Files.writeString(dot, "#!/bin/sh\ncat >/dev/null\necho '<svg/>'\n"
                + "echo 'Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.72 to fit' >&2\n"
                + "echo 'Warning: second' >&2\n");
        dot.toFile().setExecutable(true);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphvizRenderer.render(dot, SOURCE, "png", out, io.github.nnvizonnx.emit.DrawOptions.DEFAULT_RENDER_TIME_LIMIT, warnings::add);
        assertEquals("<svg/>\n", out.toString());
        assertEquals(java.util.List.of("nnviz-onnx: warning: Graphviz: graph is too large for cairo-renderer bitmaps."
                + " Scaling by 0.72 to fit (and 1 more line)"), warnings);
        assertEquals(null, GraphvizRenderer.warningLine("\n  \n"));
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
                () -> GraphvizRenderer.render(dot.program(), SOURCE, "svg", full, io.github.nnvizonnx.emit.DrawOptions.DEFAULT_RENDER_TIME_LIMIT,
                        w -> { })));
        assertEquals("cannot write to out.svg: No space left on device", e.getMessage());
        dot.assertEnded();
    }
}
