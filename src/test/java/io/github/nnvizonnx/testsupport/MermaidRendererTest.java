package io.github.nnvizonnx.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the Mermaid render harness can both pass and fail, so green render checks mean something. */
@Tag("slow") // Chromium: left out of the quick tier (-Pquick)
class MermaidRendererTest {

    private static final String VALID = """
            flowchart TD
              subgraph S["Block"]
                a["A"] --> b["B"]
              end
              b --> c["C"]
            """;

    private static String chain(int edges) {
        StringBuilder b = new StringBuilder("flowchart LR\n");
        for (int i = 0; i < edges; i++) {
            b.append("  n").append(i).append(" --> n").append(i + 1).append('\n');
        }
        return b.toString();
    }

    @Test
    void harnessPassesValidAndFailsBrokenDiagrams(@TempDir Path dir) throws IOException {
        write(dir, "1-valid.mmd", VALID);
        write(dir, "2-syntax-error.mmd", "flowchart TD\n  a[\"A\"] --> \n  (((\n");
        write(dir, "3-edges-400.mmd", chain(400));
        write(dir, "4-edges-600.mmd", chain(600));
        write(dir, "5-too-long.mmd", "flowchart TD\n" + "  a[\"" + "x".repeat(50_100) + "\"]\n");
        write(dir, "not-a-diagram.txt", "ignored");

        MermaidRenderer.RenderReport report = MermaidRenderer.renderAll(dir);

        assertTrue(report.mermaidVersion().startsWith("11."), report.mermaidVersion());
        assertEquals(List.of("1-valid.mmd", "2-syntax-error.mmd", "3-edges-400.mmd", "4-edges-600.mmd",
                "5-too-long.mmd"), report.results().stream().map(MermaidRenderer.Result::file).toList());

        MermaidRenderer.Result valid = report.result("1-valid.mmd");
        assertTrue(valid.ok(), valid.toString());
        assertNull(valid.error());
        assertEquals(3, valid.nodes(), valid.toString());
        assertEquals(1, valid.clusters(), valid.toString());

        MermaidRenderer.Result syntax = report.result("2-syntax-error.mmd");
        assertFalse(syntax.ok(), syntax.toString());
        assertTrue(syntax.error().contains("Parse error"), syntax.error());

        MermaidRenderer.Result edges400 = report.result("3-edges-400.mmd");
        assertTrue(edges400.ok(), edges400.toString());
        assertEquals(401, edges400.nodes());

        MermaidRenderer.Result edges600 = report.result("4-edges-600.mmd");
        assertFalse(edges600.ok(), edges600.toString());
        assertTrue(edges600.error().contains("Edge limit exceeded"), edges600.error());

        MermaidRenderer.Result tooLong = report.result("5-too-long.mmd");
        assertFalse(tooLong.ok(), "maxTextSize 50000 must be in force: " + tooLong);

        assertEquals(List.of("2-syntax-error.mmd", "4-edges-600.mmd", "5-too-long.mmd"),
                report.failures().stream().map(MermaidRenderer.Result::file).toList());
    }

    @Test
    void renderOneConvenience() {
        MermaidRenderer.Result ok = MermaidRenderer.renderOne(VALID);
        assertTrue(ok.ok(), ok.toString());
        assertEquals(3, ok.nodes());
        assertEquals(1, ok.clusters());

        MermaidRenderer.Result bad = MermaidRenderer.renderOne("flowchart TD\n  a[\"unclosed\n");
        assertFalse(bad.ok(), bad.toString());
    }

    @Test
    void parsesReportWithEscapedStrings() {
        String json = "{\"mermaidVersion\":\"11.0.0\",\"results\":["
                + "{\"file\":\"a.mmd\",\"ok\":true,\"nodes\":12,\"clusters\":3},"
                + "{\"file\":\"b \\\"q\\\".mmd\",\"ok\":false,\"error\":"
                + "\"Parse error on line 2:\\n...a[\\\"x\\\\y\\\"]\\t\\u00e9\\u2028\\/ end\"}]}\n";
        MermaidRenderer.RenderReport r = MermaidRenderer.parseReport(json);
        assertEquals("11.0.0", r.mermaidVersion());
        assertEquals(new MermaidRenderer.Result("a.mmd", true, null, 12, 3), r.results().get(0));
        assertEquals(new MermaidRenderer.Result("b \"q\".mmd", false,
                "Parse error on line 2:\n...a[\"x\\y\"]\t\u00e9\u2028/ end", 0, 0), r.results().get(1));
        assertEquals(List.of(r.results().get(1)), r.failures());

        assertThrows(IllegalArgumentException.class, () -> MermaidRenderer.parseReport("{\"results\":[}"));
        assertThrows(IllegalArgumentException.class, () -> MermaidRenderer.parseReport("{\"x\":\"\\q\"}"));
        assertThrows(IllegalArgumentException.class, () -> MermaidRenderer.parseReport("{} trailing"));
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
