package io.github.nnvizonnx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's sync: a Java program decides how each marker is drawn; models are read once per run. */
class MarkdownSyncTest {
    private static final Path INTRO = ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx");

    @TempDir
    Path dir;

    @Test
    void aJavaProgramSyncsAndChecksWithItsOwnRequest() throws IOException {
        Files.copy(INTRO, dir.resolve("intro.onnx"));
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "<!-- nnviz-onnx intro.onnx -->\n\n<!-- nnviz-onnx intro.onnx collapsed -->\n");
        AtomicInteger drawn = new AtomicInteger();
        MarkdownSync sync = MarkdownSync.drawingWith(d -> {
            drawn.incrementAndGet();
            View view = d.marker().options().contains("collapsed") ? View.defaults().depth(1) : View.defaults();
            return d.request().view(view).text();
        });

        MarkdownSync.Report check = sync.check(List.of(dir));
        assertEquals(2, check.staleCount());
        assertEquals(List.of(1, 3), check.files().get(0).stale().stream().map(m -> m.line()).toList());

        MarkdownSync.Report written = sync.sync(List.of(doc));
        assertTrue(written.files().get(0).written());
        String full = Nnviz.read(INTRO).text();
        String collapsed = Nnviz.read(INTRO).view(View.defaults().depth(1)).text();
        assertEquals("<!-- nnviz-onnx intro.onnx -->\n```mermaid\n" + full + "```\n\n"
                + "<!-- nnviz-onnx intro.onnx collapsed -->\n```mermaid\n" + collapsed + "```\n",
                Files.readString(doc));
        assertEquals(0, sync.check(List.of(doc)).staleCount());
        assertEquals(6, drawn.get());
    }

    @Test
    void requestsSharingACacheReadTheModelOnce() throws IOException {
        ModelCache cache = new ModelCache();
        Drawing folded = Nnviz.read(INTRO).cache(cache).draw();
        Drawing collapsed = Nnviz.read(INTRO).cache(cache).view(View.defaults().depth(1)).draw();
        assertSame(folded.model(), collapsed.model(), "one reading for both views");
        assertTrue(collapsed.text().contains("LinearBlock ×2"), collapsed.text());
        assertEquals(Nnviz.read(INTRO).view(View.defaults().depth(1)).text(), collapsed.text());
        assertNotSame(folded.model(), Nnviz.read(INTRO).cache(cache).hierarchy("flat").draw().model(),
                "another hierarchy convention is another reading");
        assertNotSame(folded.model(), Nnviz.read(INTRO).draw().model(), "no cache, a reading of its own");
    }
}
