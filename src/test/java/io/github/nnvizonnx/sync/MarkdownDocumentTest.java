package io.github.nnvizonnx.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding markers and their blocks, and rewriting only those blocks. */
class MarkdownDocumentTest {
    private static final String DIAGRAM = "flowchart TB\n    n0 --> n1\n";

    /** Every marker of {@code text} given {@link #DIAGRAM}. */
    private static MarkdownDocument.Update updateAll(String text) {
        MarkdownDocument document = MarkdownDocument.parse(text);
        Map<Marker, String> diagrams = new LinkedHashMap<>();
        document.markers().forEach(marker -> diagrams.put(marker, DIAGRAM));
        return document.update(diagrams);
    }

    @Test
    void aMissingBlockIsInsertedBelowTheMarker() {
        MarkdownDocument.Update update = updateAll("# Model\n<!-- nnviz-onnx model.onnx -->\nText after.\n");
        assertEquals("# Model\n<!-- nnviz-onnx model.onnx -->\n```mermaid\nflowchart TB\n    n0 --> n1\n```\n"
                + "Text after.\n", update.text());
        assertEquals(List.of(2), update.stale().stream().map(Marker::line).toList());
    }

    @Test
    void aStaleBlockIsReplacedAndEverythingElseKept() {
        String text = "Intro  \n\n<!-- nnviz-onnx model.onnx --depth 1 -->\n```mermaid\nflowchart LR\n    old\n```\n"
                + "\ttrailing text with <!-- comment -->\n";
        MarkdownDocument.Update update = updateAll(text);
        assertEquals(text.replace("flowchart LR\n    old\n", DIAGRAM), update.text());
        assertEquals(List.of("--depth", "1"), MarkdownDocument.parse(text).markers().get(0).options());
    }

    @Test
    void aCurrentBlockIsNotStaleAndTheTextIsTheSame() {
        String text = updateAll("<!-- nnviz-onnx a.onnx -->\n\n<!-- nnviz-onnx b.onnx -->").text();
        MarkdownDocument.Update again = updateAll(text);
        assertEquals(text, again.text());
        assertEquals(List.of(), again.stale());
    }

    @Test
    void lineEndingsAndAMissingFinalNewlineAreKept() {
        MarkdownDocument.Update crlf = updateAll("Title\r\n<!-- nnviz-onnx m.onnx -->\r\n```mermaid\r\nold\r\n```");
        assertEquals("Title\r\n<!-- nnviz-onnx m.onnx -->\r\n```mermaid\r\nflowchart TB\r\n    n0 --> n1\r\n```",
                crlf.text());
        MarkdownDocument.Update atEnd = updateAll("Title\r\n<!-- nnviz-onnx m.onnx -->");
        assertEquals("Title\r\n<!-- nnviz-onnx m.onnx -->\r\n```mermaid\r\nflowchart TB\r\n    n0 --> n1\r\n```",
                atEnd.text());
        assertEquals("<!-- nnviz-onnx m.onnx -->\n```mermaid\nflowchart TB\n    n0 --> n1\n```\n",
                updateAll("<!-- nnviz-onnx m.onnx -->\n").text());
    }

    @Test
    void theFenceOfAnExistingBlockIsKept() {
        String tildes = "<!-- nnviz-onnx m.onnx -->\n~~~~ mermaid\nold\n~~~~\n";
        assertEquals(tildes.replace("old\n", DIAGRAM), updateAll(tildes).text());
        String indented = "- item\n\n  <!-- nnviz-onnx m.onnx -->\n  ````mermaid\n  old\n  ````\n";
        assertEquals("- item\n\n  <!-- nnviz-onnx m.onnx -->\n  ````mermaid\n  flowchart TB\n      n0 --> n1\n"
                + "  ````\n", updateAll(indented).text());
        assertEquals("  <!-- nnviz-onnx m.onnx -->\n  ```mermaid\n  flowchart TB\n      n0 --> n1\n  ```\n",
                updateAll("  <!-- nnviz-onnx m.onnx -->\n").text());
    }

    @Test
    void aDiagramThatWouldCloseTheFenceGetsALongerOne() {
        MarkdownDocument document = MarkdownDocument.parse("<!-- nnviz-onnx m.onnx -->\n```mermaid\nold\n```\n");
        String updated = document.update(Map.of(document.markers().get(0), "a\n```\nb\n")).text();
        assertEquals("<!-- nnviz-onnx m.onnx -->\n````mermaid\na\n```\nb\n````\n", updated);
    }

    @Test
    void aMarkerInsideAnotherCodeBlockIsText() {
        String text = "```markdown\n<!-- nnviz-onnx model.onnx -->\n```\n\n~~~\n<!-- nnviz-onnx x.onnx -->\n```\n~~~\n"
                + "    <!-- nnviz-onnx indented-code.onnx -->\n";
        MarkdownDocument document = MarkdownDocument.parse(text);
        assertEquals(List.of(), document.markers());
        assertEquals(List.of(), document.problems());
        assertEquals(text, updateAll(text).text());
    }

    @Test
    void markersThatCannotBeUsedAreReportedByLine() {
        String text = String.join("\n", "<!-- nnviz-onnx m.onnx", "<!-- nnviz-onnx -->",
                "<!-- nnviz-onnx --depth 1 m.onnx -->", "<!-- nnviz-onnx 'm.onnx -->",
                "<!-- nnviz-onnx m.onnx -->", "```sh", "echo", "```",
                "<!-- nnviz-onnx m.onnx -->", "", "```mermaid", "old", "```",
                "<!-- nnviz-onnx m.onnx -->", "```mermaid", "never closed", "");
        MarkdownDocument document = MarkdownDocument.parse(text);
        List<String> problems = document.problems().stream().map(p -> p.line() + ": " + p.getMessage()).toList();
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("1: the marker must end with -->"), problems.get(0));
        assertTrue(problems.get(1).startsWith("2: the marker must name the model first"), problems.get(1));
        assertTrue(problems.get(2).startsWith("3: the marker must name the model first"), problems.get(2));
        assertEquals("4: a ' quote is not closed in the marker", problems.get(3));
        assertEquals("5: the marker is followed by a ```sh block, not a ```mermaid block", problems.get(4));
        assertTrue(problems.get(5).startsWith("9: a blank line separates the marker from the ```mermaid block at"
                + " line 11"), problems.get(5));
        assertEquals("14: the ```mermaid block after the marker is not closed", problems.get(6));
        assertEquals(List.of(), document.markers());
        assertEquals(text, updateAll(text).text());
    }

    @Test
    void argumentsAreSplitAsAShellWould() {
        Marker marker = MarkdownDocument.parse("<!-- nnviz-onnx 'my model.py:Net;width=32' --collapse \"a b\" "
                + "--layer=x\\ y \"q\\\"uote\" -->").markers().get(0);
        assertEquals("my model.py:Net;width=32", marker.model());
        assertEquals(List.of("--collapse", "a b", "--layer=x y", "q\"uote"), marker.options());
    }

    @Test
    void onlyTheMarkersGivenADiagramChange() {
        String text = "<!-- nnviz-onnx a.onnx -->\n```mermaid\nold a\n```\n<!-- nnviz-onnx b.onnx -->\n```mermaid\n"
                + "old b\n```\n";
        MarkdownDocument document = MarkdownDocument.parse(text);
        MarkdownDocument.Update update = document.update(Map.of(document.markers().get(1), DIAGRAM));
        assertEquals(text.replace("old b\n", DIAGRAM), update.text());
        assertEquals(List.of(5), update.stale().stream().map(Marker::line).toList());
    }
}
