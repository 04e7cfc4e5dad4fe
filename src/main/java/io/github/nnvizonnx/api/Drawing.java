package io.github.nnvizonnx.api;

import io.github.nnvizonnx.emit.Diagram;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.internal.io.AtomicFile;
import io.github.nnvizonnx.internal.io.DestinationStream;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A drawn model, ready to be written: the whole model read, the diagram of the view chosen, that view, and the
 * format it is written in.
 */
public final class Drawing {
    private final ModelGraph model;
    private final Diagram diagram;
    private final ViewOptions view;
    private final Emitter emitter;
    private final String fitNote;
    private final String controlFlowNote;

    Drawing(ModelGraph model, Diagram diagram, ViewOptions view, Emitter emitter, String fitNote,
            String controlFlowNote) {
        this.model = model;
        this.diagram = diagram;
        this.view = view;
        this.emitter = emitter;
        this.fitNote = fitNote;
        this.controlFlowNote = controlFlowNote;
    }

    /** The whole model as read, with its shapes: every level, nothing hidden. */
    public ModelGraph model() {
        return model;
    }

    /** What is drawn: the view of the model, grouped for nesting. */
    public Diagram diagram() {
        return diagram;
    }

    /**
     * The view drawn: the one asked for, or the shallower depth {@link Fit#GITHUB} chose; its depth is null when
     * every level is drawn, and its {@link ViewOptions#autoDepth()} says the node budget chose the detail.
     */
    public ViewOptions view() {
        return view;
    }

    /**
     * Why the depth differs from the one asked for ({@link Fit#GITHUB} lowered it to fit), as a phrase such as
     * "lowered from 4 by --fit github …"; empty when the depth is the one asked for.
     */
    public String depthNote() {
        return fitNote;
    }

    /**
     * Why If/Loop/Scan bodies are drawn open although the view did not ask for them: their black boxes would hide
     * most of the model. A phrase such as "; If_0 drawn open: it holds 210 of the 213 operations (--collapse If_0
     * closes it)"; empty when they were not opened for that.
     */
    public String controlFlowNote() {
        return controlFlowNote;
    }

    /**
     * What a comparison of two models ({@link Nnviz#diff}) found: modules and operations added, removed and changed,
     * parameter totals before and after; null for a drawing of one model.
     */
    public io.github.nnvizonnx.model.DiffSummary diffSummary() {
        return diagram.changeSummary();
    }

    /** The format the drawing is written in, e.g. {@code mermaid}. */
    public String format() {
        return emitter.format();
    }

    /** Writes the drawing to {@code out} (text formats as UTF-8) and flushes it; {@code out} stays open. */
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, "the output stream");
    }

    /**
     * {@link #writeTo(OutputStream)}, where a failure of {@code out} itself (a full disk, a closed pipe) is an
     * {@link java.io.IOException} whose message names {@code destinationName}, apart from failures of the format.
     */
    public void writeTo(OutputStream out, String destinationName) throws IOException {
        OutputStream destination = new DestinationStream(out, destinationName);
        emitter.writeBytes(diagram, destination);
        destination.flush();
    }

    /** Writes the drawing to {@code file} atomically: the file is whole or not there at all (or as it was). */
    public void writeTo(Path file) throws IOException {
        AtomicFile.write(file, out -> emitter.writeBytes(diagram, out));
    }

    /** The drawing as text (for text formats: Mermaid, DOT, GraphML, JSON, …). */
    public String text() throws IOException {
        StringBuilder out = new StringBuilder();
        emitter.write(diagram, out);
        return out.toString();
    }
}
