package io.github.nnvizonnx.testsupport;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
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
 * raw control or bidi character; DOT statements of the shapes the emitter writes, with HTML-like labels holding only
 * entities and our tags; GraphML that an XML parser reads (DTDs off); strict JSON.
 */
public final class OutputSyntax {
    /** Mermaid text as the CLI writes it: an optional init directive, then a flowchart either way. */
    public static final String MERMAID_START = "(?s)(%%\\{init: .*\\}%%\n)?flowchart (LR|TB)\n.*";
    /** Control, format (bidi), line and paragraph separator characters, and lone surrogates: never raw in output. */
    private static final String INVISIBLE = "\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}";
    /**
     * A Mermaid label: no character Mermaid or HTML gives a meaning (quotes, markup, entities, comments, brackets,
     * pipes, backslashes, backticks) and nothing invisible, except as an entity code (#60;) or our three tags.
     */
    private static final String LABEL = "\"(?:[^\"<>&#;%\\[\\]{}|\\\\`" + INVISIBLE + "]|#\\d+;|<b>|</b>|<br/>)*\"";
    /** A colour as Style lets it through: #rgb, #rrggbb, #rrggbbaa or a plain name. */
    private static final String COLOR = "(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})";
    private static final String SIZE = "[0-9]+(?:\\.[0-9]+)?";
    /** The closer ranks of a top-to-bottom flowchart. */
    private static final String SPACING = "\"flowchart\": \\{\"rankSpacing\": [0-9]+, \"nodeSpacing\": [0-9]+\\}";
    private static final Pattern MERMAID_LINE = Pattern.compile("flowchart (?:LR|TB)"
            + "|%%\\{init: \\{" + SPACING + "\\}%%"
            + "|%%\\{init: \\{(?:" + SPACING + ", )?\"theme\": \"[a-z]+\","
            + " \"themeVariables\": \\{\"fontFamily\": \"[A-Za-z0-9 ._-]+,"
            + " (?:sans-)?serif\", \"fontSize\": \"" + SIZE + "px\"(?:, \"background\": \"" + COLOR + "\")?\\}\\}\\}%%"
            + "| {4}classDef fam_[a-z]+ fill:" + COLOR + ",stroke:" + COLOR + ",color:" + COLOR + ",stroke-width:"
            + SIZE + "px(?:,stroke-dasharray:[0-9]+ [0-9]+)?"
            + "| {4}class (?:n\\d+|legend_[a-z]+)(?:,(?:n\\d+|legend_[a-z]+))* fam_[a-z]+"
            + "| {4}style s\\d+ fill:" + COLOR + ",stroke:" + COLOR + ",color:" + COLOR
            + "| {4}linkStyle default stroke:" + COLOR + ",stroke-width:" + SIZE + "px"
            + "| {4}subgraph legend\\[\"Legend\"\\]"
            + "| {8}legend_[a-z]+\\[" + LABEL + "\\]"
            + "|( {4})+n\\d+(?:\\(\\[" + LABEL + "\\]\\)|\\[\\[" + LABEL + "\\]\\]|\\{\\{" + LABEL + "\\}\\}|\\["
            + LABEL + "\\])"
            + "|( {4})+subgraph s\\d+\\[" + LABEL + "\\]"
            + "|( {4})+end"
            + "| {4}n\\d+ -->(?:\\|" + LABEL + "\\|)? n\\d+");

    /**
     * An HTML-like label: entities, our bold and line-break tags, the legend's table tags (attributes of our own
     * words), and no other markup or invisible character.
     */
    private static final String DOT_LABEL = "<(?:[^<>&\"\\\\" + INVISIBLE + "]|&#\\d+;|<B>|</B>|<BR/>"
            + "|<(?:TABLE|TD)(?: [A-Z]+=\"[A-Za-z0-9#]*\")*>|</TABLE>|<TR>|</TR>|</TD>)*>";
    private static final String DOT_VALUE = "(?:\"[A-Za-z0-9_.,# -]*\"|[0-9.]+|" + DOT_LABEL + ")";
    /** A tooltip holds a raw tensor name: any visible text, quotes escaped, no backslash of its own. */
    private static final String DOT_TOOLTIP = "\"tooltip\"=\"(?:[^\"\\\\" + INVISIBLE + "]|\\\\\")*\"";
    private static final String DOT_ATTRIBUTE = "(?:\"[a-z]+\"=" + DOT_VALUE + "|" + DOT_TOOLTIP + ")";
    private static final String DOT_ATTRIBUTES = "\\[" + DOT_ATTRIBUTE + "(?:," + DOT_ATTRIBUTE + ")*\\]";
    private static final Pattern DOT_SUBGRAPH = Pattern.compile("subgraph \"cluster_s\\d+\" \\{");
    private static final Pattern DOT_STATEMENT = Pattern.compile("(?:graph|node|edge) " + DOT_ATTRIBUTES
            + "|\"[nt]\\d+\"(?: " + DOT_ATTRIBUTES + ")?"
            + "|\"[nt]\\d+\" -> \"n\\d+\"(?: " + DOT_ATTRIBUTES + ")?"
            + "|\"t\\d+\" -> \"t\\d+\"(?: " + DOT_ATTRIBUTES + ")?");

    private OutputSyntax() {
    }

    /** The text formats this class checks. */
    public static boolean covers(String format) {
        return java.util.Set.of("mermaid", "markdown", "dot", "graphml", "graphml-nested", "json").contains(format);
    }

    /** Throws AssertionError when {@code text} is not well formed for {@code format}. */
    public static void check(String format, String text) {
        switch (format) {
            case "mermaid" -> mermaid(text);
            case "markdown" -> markdown(text);
            case "dot" -> dot(text);
            case "graphml", "graphml-nested" -> xml(text);
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

    /**
     * DOT as our emitter writes it: one statement per line (clusters and unnamed groups of edges open blocks), every attribute value either one of our own plain
     * strings or an HTML-like label made of entities and our three tags only, and braces that balance.
     */
    public static void dot(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals("digraph \"nnviz\" {")) {
            throw new AssertionError("DOT does not open with the nnviz digraph: " + clip(lines[0]));
        }
        int open = 1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i >= lines.length - 2) {
                continue;
            }
            if (line.equals("}")) {
                open--;
            } else if (line.equals("{") || DOT_SUBGRAPH.matcher(line).matches()) {
                open++;
            } else if (!DOT_STATEMENT.matcher(line).matches()) {
                throw new AssertionError("DOT line " + (i + 1) + " has an unexpected shape: " + clip(line));
            }
            if (open < 0 || (open == 0 && i < lines.length - 2)) {
                throw new AssertionError("DOT braces close too early at line " + (i + 1));
            }
        }
        if (open != 0) {
            throw new AssertionError("DOT braces do not balance (" + open + " left open)");
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
