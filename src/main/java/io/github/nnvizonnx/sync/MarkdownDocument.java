package io.github.nnvizonnx.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Markdown text with its markers found. {@link #update} puts a diagram into the block of each marker and leaves
 * every other character of the text as it was: line endings (LF or CRLF, taken from the marker's line for new lines),
 * a missing final newline, the fence of an existing block (unless the new diagram would close it early) and its
 * indentation.
 */
public final class MarkdownDocument {
    private final MarkdownLines lines;
    private final MarkdownScan scan;

    private MarkdownDocument(MarkdownLines lines) {
        this.lines = lines;
        this.scan = MarkdownScan.of(lines);
    }

    public static MarkdownDocument parse(String text) {
        return new MarkdownDocument(MarkdownLines.of(text));
    }

    /** The usable markers, in the order of the text. */
    public List<Marker> markers() {
        return scan.blocks().stream().map(MarkedBlock::marker).toList();
    }

    /** The markers that cannot be used as written, with their lines. */
    public List<MarkerException> problems() {
        return scan.problems();
    }

    /**
     * The text with each marker of {@code diagrams} followed by a ```mermaid block holding its diagram (Mermaid text;
     * its final newline optional), and those markers whose block that changed. Markers not in {@code diagrams} keep
     * their block as it is.
     */
    public Update update(Map<Marker, String> diagrams) {
        StringBuilder out = new StringBuilder();
        List<Marker> stale = new ArrayList<>();
        int kept = 0;
        for (MarkedBlock block : scan.blocks()) {
            String diagram = diagrams.get(block.marker());
            if (diagram == null) {
                continue;
            }
            appendLines(out, kept, block.markerIndex());
            out.append(lines.text(block.markerIndex()));
            int regionStart = out.length();
            appendBlock(out, block, diagram);
            if (!out.substring(regionStart).equals(original(block))) {
                stale.add(block.marker());
            }
            kept = block.nextKeptIndex();
        }
        appendLines(out, kept, lines.size());
        return new Update(out.toString(), stale);
    }

    /**
     * The updated text, and the markers whose block it changed.
     *
     * @param text the whole text after the update
     * @param stale the markers whose block was out of date (or missing), in the order of the text
     */
    public record Update(String text, List<Marker> stale) {
        public Update {
            stale = List.copyOf(stale);
        }
    }

    /** What follows the marker's line up to the next line kept: the ending of the marker's line and its block. */
    private String original(MarkedBlock block) {
        StringBuilder region = new StringBuilder();
        region.append(lines.get(block.markerIndex()).ending());
        for (int i = block.markerIndex() + 1; i < block.nextKeptIndex(); i++) {
            region.append(lines.get(i).text()).append(lines.get(i).ending());
        }
        return region.toString();
    }

    private void appendBlock(StringBuilder out, MarkedBlock block, String diagram) {
        MarkdownLines.Line markerLine = lines.get(block.markerIndex());
        String newline = lines.endingAt(block.markerIndex());
        out.append(newline);
        boolean fenceKept = block.hasBlock() && block.fence().holds(diagram);
        Fence fence = fenceKept ? block.fence()
                : Fence.mermaidFor(block.hasBlock() ? block.fence().indent() : Marker.indentOf(markerLine.text()),
                        diagram);
        out.append(fenceKept ? lines.text(block.markerIndex() + 1) : fence.openingLine()).append(newline);
        diagram.lines().forEach(line -> out.append(line.isEmpty() ? "" : fence.indent()).append(line).append(newline));
        if (block.hasBlock()) {
            MarkdownLines.Line closing = lines.get(block.closingIndex());
            out.append(fenceKept ? closing.text() : fence.closingLine()).append(closing.ending());
        } else {
            // the marker's own ending: none when it ended the text, and then the block ends it the same way
            out.append(fence.closingLine()).append(markerLine.ending());
        }
    }

    private void appendLines(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines.get(i).text()).append(lines.get(i).ending());
        }
    }
}
