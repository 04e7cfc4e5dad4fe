package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Python list-of-strings literals the dynamo exporter writes into metadata_props, e.g.
 * {@code ['', 'layer1', "it's"]}. Returns null for anything that is not such a literal.
 */
final class PythonListLiteral {
    private PythonListLiteral() {
    }

    static List<String> parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return null;
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        while (true) {
            i = skipSpaces(s, i, end);
            if (i >= end) {
                return items;
            }
            char quote = s.charAt(i);
            if (quote != '\'' && quote != '"') {
                return null;
            }
            StringBuilder item = new StringBuilder();
            i++;
            while (i < end && s.charAt(i) != quote) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < end) {
                    i++;
                    c = unescape(s.charAt(i));
                }
                item.append(c);
                i++;
            }
            if (i >= end) {
                return null;
            }
            items.add(item.toString());
            i = skipSpaces(s, i + 1, end);
            if (i < end) {
                if (s.charAt(i) != ',') {
                    return null;
                }
                i++;
            }
        }
    }

    private static int skipSpaces(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }
}
