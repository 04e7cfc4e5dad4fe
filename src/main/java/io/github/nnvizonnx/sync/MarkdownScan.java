package io.github.nnvizonnx.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the markers of a Markdown text and the block each one owns. A marker inside another fenced code block (a
 * README showing the syntax in a ```` ```markdown ```` block, say) is text, not a marker. Markers that cannot be used
 * are reported as problems with their line, and the rest of the text is still scanned.
 */
record MarkdownScan(List<MarkedBlock> blocks, List<MarkerException> problems) {
    static MarkdownScan of(MarkdownLines lines) {
        List<MarkedBlock> blocks = new ArrayList<>();
        List<MarkerException> problems = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Fence fence = Fence.opening(lines.text(i));
            if (fence != null) {
                i = closingIndex(lines, i, fence) + 1;
                continue;
            }
            Optional<Marker> marker;
            try {
                marker = Marker.parse(lines.text(i), i + 1);
            } catch (MarkerException e) {
                problems.add(e);
                i++;
                continue;
            }
            if (marker.isEmpty()) {
                i++;
                continue;
            }
            try {
                MarkedBlock block = blockAfter(lines, marker.get(), i);
                blocks.add(block);
                i = block.nextKeptIndex();
            } catch (MarkerException e) {
                problems.add(e);
                i++; // the fence that follows is then read as any other block
            }
        }
        return new MarkdownScan(blocks, problems);
    }

    private static MarkedBlock blockAfter(MarkdownLines lines, Marker marker, int markerIndex) {
        int next = markerIndex + 1;
        Fence fence = next < lines.size() ? Fence.opening(lines.text(next)) : null;
        if (fence == null) {
            int below = next;
            while (below < lines.size() && lines.text(below).isBlank()) {
                below++;
            }
            Fence later = below > next && below < lines.size() ? Fence.opening(lines.text(below)) : null;
            if (later != null && later.isMermaid()) {
                throw new MarkerException(marker.line(), "a blank line separates the marker from the ```mermaid"
                        + " block at line " + (below + 1) + "; remove it (the block must follow the marker directly,"
                        + " or sync adds a new one)");
            }
            return MarkedBlock.none(marker, markerIndex);
        }
        if (!fence.isMermaid()) {
            throw new MarkerException(marker.line(), "the marker is followed by a " + fence.describe() + " block, not"
                    + " a ```mermaid block");
        }
        int closing = closingIndex(lines, next, fence);
        if (closing == lines.size()) {
            throw new MarkerException(marker.line(), "the ```mermaid block after the marker is not closed");
        }
        return new MarkedBlock(marker, markerIndex, fence, closing);
    }

    /** The line that closes the block {@code fence} opens at {@code opening}, or the line count when none does. */
    private static int closingIndex(MarkdownLines lines, int opening, Fence fence) {
        int i = opening + 1;
        while (i < lines.size() && !fence.closedBy(lines.text(i))) {
            i++;
        }
        return i;
    }
}
