package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The If/Loop/Scan models of the ONNX backend corpus: an expanded body ends in its owner's results, not in loose
 * output nodes; the only result left without an edge is a Loop body's condition, which goes back to the Loop and
 * is labelled as what it is.
 */
class BodyResultsCorpusTest {
    private static List<Path> controlFlowModels() throws IOException {
        try (Stream<Path> dirs = Files.list(RealModels.BACKEND_CORPUS.resolve("node"))) {
            return dirs.filter(d -> d.getFileName().toString().matches("test_(if|loop|scan).*"))
                    .map(d -> d.resolve("model.onnx")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The If, Loop or Scan whose body holds {@code result}: the operation directly in the body's parent module. */
    private static OperationNode owner(ModelGraph graph, OutputNode result) {
        return graph.nodes(OperationNode.class).stream().filter(op -> op.scope().equals(result.scope().parent()))
                .findFirst().orElseThrow();
    }

    @Test
    void bodyResultsReachTheOperationsResults() throws IOException {
        List<Path> models = controlFlowModels();
        assertEquals(8, models.size(), models.toString());
        List<String> loose = new ArrayList<>();
        for (Path model : models) {
            ModelGraph graph = OnnxReader.read(model);
            for (OutputNode result : graph.nodes(OutputNode.class)) {
                if (result.scope().isRoot() || !graph.graph().outgoingEdgesOf(result).isEmpty()) {
                    continue;
                }
                OperationNode owner = owner(graph, result);
                if (!owner.opType().equals("Loop") || !BodyResults.CONDITION_LABEL.equals(result.label())) {
                    loose.add(RealModels.corpusName(model) + ": " + result.tensor().name() + " of " + owner.opType());
                }
            }
            for (OutputNode output : graph.nodes(OutputNode.class)) {
                if (output.scope().isRoot()) {
                    List<Node> from = graph.graph().incomingEdgesOf(output).stream()
                            .map(e -> graph.graph().getEdgeSource(e)).toList();
                    assertTrue(from.stream().allMatch(n -> n instanceof OperationNode op && op.opType().equals("If")
                            || n instanceof OutputNode body && !body.scope().isRoot()),
                            RealModels.corpusName(model) + ": " + output.tensor().name() + " from " + from);
                }
            }
            // drawn open and closed alike
            Drawing.mermaid(graph, ViewOptions.defaults().withExpandSubgraphs(true));
            Drawing.mermaid(graph, ViewOptions.defaults());
        }
        assertEquals(List.of(), loose);
    }
}
