package io.github.nnvizonnx.emit.render;

import io.github.nnvizonnx.emit.AutoDirection;
import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.DotEmitter;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Medium;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A picture rendered by Graphviz's dot from the DOT diagram: one subclass per output format. */
abstract class RenderedEmitter implements Emitter {
    private final String format;
    private final String description;

    RenderedEmitter(String format, String description) {
        this.format = format;
        this.description = description;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> fileExtensions() {
        return List.of("." + format);
    }

    /**
     * Renders into memory first and writes only a finished picture: dot stopped at the time limit (or failing) would
     * otherwise leave half a picture on standard output.
     */
    @Override
    public void writeBytes(Diagram diagram, OutputStream out) throws IOException {
        StringBuilder dot = new StringBuilder();
        new DotEmitter().write(AutoDirection.resolve(diagram, Medium.forFormat(format)), dot);
        ByteArrayOutputStream picture = new ByteArrayOutputStream();
        GraphvizRenderer.render(dot.toString(), format, rendererOptions(diagram), picture,
                diagram.options().renderTimeLimit());
        picture.writeTo(out);
    }

    /** Options for dot's command line beyond the format: none unless a subclass needs some. */
    List<String> rendererOptions(Diagram diagram) {
        return List.of();
    }

    /** Only SVG is text; the binary formats refuse text output. */
    @Override
    public void write(Diagram diagram, Appendable out) throws IOException {
        if (!format.equals("svg")) {
            throw new IOException(format + " is a binary format; write it to a file or stream");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeBytes(diagram, bytes);
        out.append(bytes.toString(StandardCharsets.UTF_8));
    }
}
