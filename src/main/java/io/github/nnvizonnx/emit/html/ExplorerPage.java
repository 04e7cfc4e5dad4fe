package io.github.nnvizonnx.emit.html;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.model.DisplayText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The page: the template {@code explorer.html} with its style, its script, the layout library (dagre, from its
 * WebJar on the class path) and the model filled in. The model is gzip-compressed JSON ({@link ExplorerData}) in
 * base64, which the browser inflates with its own {@code DecompressionStream}: model data is repetitive, so a
 * million-operation model fits in tens of megabytes, and base64 cannot close the script element it sits in.
 */
final class ExplorerPage {
    private static final String HERE = "/io/github/nnvizonnx/emit/html/";
    private static final String DAGRE_POM = "/META-INF/maven/org.webjars.npm/dagre/pom.properties";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z]+)}}");

    private ExplorerPage() {
    }

    /** Writes the page of {@code diagram}. */
    static void write(Diagram diagram, Writer out) throws IOException {
        String template = resource(HERE + "explorer.html");
        Matcher slot = SLOT.matcher(template);
        int done = 0;
        while (slot.find()) {
            out.write(template, done, slot.start() - done);
            switch (slot.group(1)) {
                case "TITLE" -> out.write(htmlText(fileName(diagram.source().info().source())));
                case "CSS" -> out.write(resource(HERE + "explorer.css"));
                case "SCRIPT" -> out.write(inlineScript(resource(HERE + "explorer.js")));
                case "LAYOUT" -> out.write(inlineScript(dagre()));
                case "MODEL" -> writeModel(diagram, out);
                default -> throw new IllegalStateException("unknown slot " + slot.group());
            }
            done = slot.end();
        }
        out.write(template, done, template.length() - done);
    }

    private static void writeModel(Diagram diagram, Writer out) throws IOException {
        OutputStream text = new AsciiOutput(out);
        OutputStream base64 = Base64.getEncoder().wrap(text);
        GZIPOutputStream gzip = new GZIPOutputStream(base64, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED); // a third larger than the default level, and three times faster
            }
        };
        Writer json = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
        ExplorerData.write(diagram, json);
        json.flush();
        gzip.finish();
        base64.close(); // writes the padding; the page's writer stays open
    }

    /** dagre.min.js of the WebJar on the class path, whatever its version. */
    private static String dagre() {
        Properties pom = new Properties();
        try (InputStream in = ExplorerPage.class.getResourceAsStream(DAGRE_POM)) {
            if (in == null) {
                throw new IllegalStateException("the dagre WebJar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource("/META-INF/resources/webjars/dagre/" + pom.getProperty("version") + "/dist/dagre.min.js");
    }

    private static String resource(String name) {
        try (InputStream in = ExplorerPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Script text that cannot end its script element early. */
    private static String inlineScript(String script) {
        return script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    }

    /** The last name of a path, the way a browser tab can show it. */
    private static String fileName(String source) {
        return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    }

    private static String htmlText(String text) {
        return DisplayText.escape(text, cp -> cp != '<' && cp != '>' && cp != '&' && cp != '"' && cp != '\''
                && cp >= 0x20, cp -> "&#" + cp + ";");
    }

    /** Bytes that are ASCII (base64) written to a Writer as characters, in blocks. */
    private static final class AsciiOutput extends OutputStream {
        private final Writer out;
        private final char[] buffer = new char[1 << 16];
        private int length;

        AsciiOutput(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (char) (b & 0xff);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                write(bytes[offset + i]);
            }
        }

        @Override
        public void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
