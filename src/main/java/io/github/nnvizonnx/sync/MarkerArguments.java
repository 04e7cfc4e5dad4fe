package io.github.nnvizonnx.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a marker's text into arguments as a POSIX shell would split a plain command line, without expanding
 * anything: blanks separate, {@code '…'} keeps its text as it is, {@code "…"} too except for {@code \"} and
 * {@code \\}, and outside quotes a backslash keeps the next character. So a spec such as
 * {@code 'my_model.py:Net;width=32'} is one argument, written the way the same command is typed.
 */
final class MarkerArguments {
    private MarkerArguments() {
    }

    /** The arguments of {@code text}; throws IllegalArgumentException for a quote left open or a trailing backslash. */
    static List<String> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
                continue;
            }
            inArgument = true;
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a ' quote is not closed");
                }
                current.append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, current);
            } else if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("a backslash ends the marker");
                }
                current.append(text.charAt(++i));
            } else {
                current.append(c);
            }
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }

    /** Appends the text of a "…" quote starting at {@code start}; returns the index of its closing quote. */
    private static int doubleQuoted(String text, int start, StringBuilder out) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        throw new IllegalArgumentException("a \" quote is not closed");
    }
}
