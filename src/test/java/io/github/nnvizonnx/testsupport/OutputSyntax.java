package io.github.nnvizonnx.testsupport;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import guru.nidi.graphviz.parse.Parser;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * In-process checks that an emitter's output is well formed, cheap enough to run on every fuzzing input. The real
 * consumers (dot, mermaid in a browser, networkx) are run by the slower tests; these catch the same breakage early:
 * Mermaid lines of exactly the shapes the emitter writes, with labels holding no quote, no markup of their own and no
 * raw control or bidi character; DOT that graphviz-java's parser reads; GraphML that an XML parser reads (DTDs off);
 * strict JSON.
 */
public final class OutputSyntax {
    /** Label text: anything but quotes, angle brackets and invisible characters, plus our own three tags. */
    private static final String LABEL = "\"(?:[^\"<>\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]|<b>|</b>|<br/>)*\"";
    private static final Pattern MERMAID_LINE = Pattern.compile("flowchart (?:LR|TB)"
            + "|( {4})+n\\d+(?:\\(\\[" + LABEL + "\\]\\)|\\[\\[" + LABEL + "\\]\\]|\\{\\{" + LABEL + "\\}\\}|\\["
            + LABEL + "\\])"
            + "|( {4})+subgraph s\\d+\\[" + LABEL + "\\]"
            + "|( {4})+end"
            + "| {4}n\\d+ -->(?:\\|" + LABEL + "\\|)? n\\d+");

    private OutputSyntax() {
    }

    /** Throws AssertionError when {@code text} is not well formed for {@code format}. */
    public static void check(String format, String text) {
        switch (format) {
            case "mermaid" -> mermaid(text);
            case "markdown" -> markdown(text);
            case "dot" -> dot(text);
            case "graphml" -> xml(text);
            case "json" -> json(text);
            default -> throw new AssertionError("no syntax check for format " + format);
        }
    }

    public static void mermaid(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("Mermaid does not end with a newline");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            if (!MERMAID_LINE.matcher(lines[i]).matches()) {
                throw new AssertionError("Mermaid line " + (i + 1) + " has an unexpected shape: " + clip(lines[i]));
            }
        }
    }

    public static void markdown(String text) {
        String open = "```mermaid\n";
        String close = "```\n";
        if (!text.startsWith(open) || !text.endsWith(close)) {
            throw new AssertionError("Markdown is not one mermaid fence: " + clip(text));
        }
        mermaid(text.substring(open.length(), text.length() - close.length()));
    }

    public static void dot(String text) {
        try {
            new Parser().notValidating().read(text);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("DOT does not parse: " + e + "\n" + clip(text), e);
        }
    }

    public static void xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("XML does not parse: " + e + "\n" + clip(text), e);
        }
    }

    public static void json(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.skipValue();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new AssertionError("JSON has more than one value");
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("JSON does not parse strictly: " + e + "\n" + clip(text), e);
        }
    }

    private static String clip(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }
}
