package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.ModelGraph;
import java.util.List;

/**
 * The model with its shapes, and what to tell the user: {@code warning} (null when none) says why the shapes are
 * only the declared ones although a run was asked for; {@code notes} are informational lines.
 */
public record ShapeOutcome(ModelGraph model, String warning, List<String> notes) {
    public ShapeOutcome {
        notes = List.copyOf(notes);
    }
}
