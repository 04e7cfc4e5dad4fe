package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.RealModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One onnxruntime run on every model of the ONNX backend corpus (a few seconds in all): each is either measured
 * completely or left with its declared shapes and a one-line reason, and nothing throws or crashes.
 */
@Tag("slow") // onnxruntime over the corpus: left out of the quick tier (-Pquick)
class BackendCorpusShapesTest {
    @Test
    void everyCorpusModelIsMeasuredOrExplained() {
        List<Path> models = RealModels.backendCorpus();
        // onnxruntime in this process: the corpus tests what it measures, a thousand times; a child process per
        // model would add minutes, and the child's containment has tests of its own (ContainedRunTest)
        Shapes shapes = new Shapes(io.github.nnvizonnx.shapes.ort.OrtShapeRunner::new, Shapes.STATUS_AFTER);
        List<String> problems = new ArrayList<>();
        int measured = 0;
        for (Path model : models) {
            String name = RealModels.corpusName(model);
            try {
                ShapeOutcome outcome = shapes.apply(OnnxReader.read(model), model, ShapeRequest.of(ShapeMode.RUN),
                        status -> { });
                if (outcome.warning() == null) {
                    measured++;
                    unmeasured(outcome.model()).forEach(t -> problems.add(name + ": " + t.name() + " not measured"));
                    outcome.notes().stream().filter(n -> n.startsWith("tensors inside functions"))
                            .forEach(n -> problems.add(name + ": " + n));
                } else if (outcome.warning().isBlank() || outcome.warning().contains("\n")) {
                    problems.add(name + ": warning not one line: " + outcome.warning());
                }
            } catch (RuntimeException e) {
                problems.add(name + ": " + e);
            }
        }
        assertEquals(List.of(), problems.stream().limit(20).toList());
        // onnxruntime 1.29 runs about 900 of the 1072; the rest use training ops, sequences as inputs, or ops and
        // types it does not implement on the CPU.
        assertTrue(measured > models.size() * 8 / 10, "measured " + measured + " of " + models.size());
    }

    /** Top-level tensors a successful run left without a concrete shape, sequences and maps aside. */
    private static Stream<TensorInfo> unmeasured(ModelGraph g) {
        Stream<TensorInfo> edges = g.graph().edgeSet().stream().filter(e -> e.isTopLevel()).map(e -> e.tensor());
        Stream<TensorInfo> outputs = g.nodes(OutputNode.class).stream().filter(n -> n.scope().isRoot())
                .map(OutputNode::tensor);
        return Stream.concat(edges, outputs).filter(t -> t.shape() == null || !t.shape().isFullyKnown())
                .filter(t -> t.elementType() == null || !t.elementType().contains("("));
    }
}
