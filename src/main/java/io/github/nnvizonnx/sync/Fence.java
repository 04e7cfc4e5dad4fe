package io.github.nnvizonnx.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening line of a fenced code block, as CommonMark reads it: up to three spaces, then three or more backticks or
 * tildes, then an info string (which, after backticks, may hold no backtick). The block ends at a line of the same
 * character, at least as long, with nothing after it but blanks, or at the end of the document.
 *
 * @param indent the spaces before the fence; CommonMark takes as many off each line inside
 * @param character {@code `} or {@code ~}
 * @param length how many of them open the block
 * @param info the info string, stripped: {@code mermaid}, {@code sh}, or empty
 */
record Fence(String indent, char character, int length, String info) {
    private static final Pattern OPENING = Pattern.compile("( {0,3})(`{3,}|~{3,})(.*)");

    /** The fence {@code line} opens, or null when it opens none. */
    static Fence opening(String line) {
        Matcher m = OPENING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        char character = m.group(2).charAt(0);
        String info = m.group(3);
        if (character == '`' && info.indexOf('`') >= 0) {
            return null; // inline code such as ```a``` , not a fence
        }
        return new Fence(m.group(1), character, m.group(2).length(), info.strip());
    }

    /** A fence for new Mermaid content at {@code indent}: backticks, longer than any run of them opening a line. */
    static Fence mermaidFor(String indent, String content) {
        return new Fence(indent, '`', Math.max(3, longestRunOpeningALine(content, '`') + 1), "mermaid");
    }

    /** Whether this fence opens a Mermaid block: its info string's first word is {@code mermaid}. */
    boolean isMermaid() {
        return info.split("\\s+", 2)[0].equalsIgnoreCase("mermaid");
    }

    /** The language the info string names, for messages: {@code ```sh}, or {@code ```} alone. */
    String describe() {
        return String.valueOf(character).repeat(length) + info.split("\\s+", 2)[0];
    }

    /** Whether {@code line} closes this block. */
    boolean closedBy(String line) {
        int spaces = 0;
        while (spaces < line.length() && spaces < 4 && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces > 3) {
            return false;
        }
        int run = spaces;
        while (run < line.length() && line.charAt(run) == character) {
            run++;
        }
        return run - spaces >= length && line.substring(run).isBlank();
    }

    /** Whether {@code content}, put inside, leaves the block whole: no line of it closes this fence. */
    boolean holds(String content) {
        return content.lines().noneMatch(line -> closedBy(indent + line));
    }

    /** The opening line, without its line ending. */
    String openingLine() {
        return indent + String.valueOf(character).repeat(length) + info;
    }

    /** The closing line, without its line ending. */
    String closingLine() {
        return indent + String.valueOf(character).repeat(length);
    }

    private static int longestRunOpeningALine(String content, char character) {
        return content.lines().mapToInt(line -> {
            String stripped = line.stripLeading();
            int run = 0;
            while (run < stripped.length() && stripped.charAt(run) == character) {
                run++;
            }
            return run;
        }).max().orElse(0);
    }
}
