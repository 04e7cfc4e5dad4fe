package io.github.nnvizonnx.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines, each with its own line ending ({@code \n}, {@code \r\n}, {@code \r}, or none for a last line
 * without one), so that joining them gives back the very same text.
 */
record MarkdownLines(List<Line> lines) {
    /** One line: its text, and the ending that follows it (empty only for a last line without one). */
    record Line(String text, String ending) {
    }

    MarkdownLines {
        lines = List.copyOf(lines);
    }

    static MarkdownLines of(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new Line(text.substring(start, i), text.substring(i, end)));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(text.substring(start), ""));
        }
        return new MarkdownLines(lines);
    }

    int size() {
        return lines.size();
    }

    Line get(int index) {
        return lines.get(index);
    }

    String text(int index) {
        return lines.get(index).text();
    }

    /**
     * The line ending new lines written after line {@code index} take: that line's own, else (a last line without
     * one) the document's first, else {@code \n}.
     */
    String endingAt(int index) {
        if (!lines.get(index).ending().isEmpty()) {
            return lines.get(index).ending();
        }
        return lines.stream().map(Line::ending).filter(e -> !e.isEmpty()).findFirst().orElse("\n");
    }
}
