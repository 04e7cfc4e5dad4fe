package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.InlinedIfModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model wrapped in one If, its branches torch exports inlined with spox's names ({@link InlinedIfModel}). */
class InlinedControlFlowTest {
    @TempDir
    Path dir;

    private static OperationNode op(ModelGraph g, String name) {
        return g.nodes(OperationNode.class).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scopesInsideInlinedBranchesFormModules() throws java.io.IOException {
        // kept in target/ to be drawn by hand: ./nnviz-onnx target/inlined-if/vad.onnx -o vad.png
        Path kept = Files.createDirectories(ExternalTools.projectDir().resolve("target/inlined-if"));
        ModelGraph graph = OnnxReader.read(InlinedIfModel.write(kept, "vad.onnx"));

        assertEquals("torch", graph.info().hierarchy(), "detected from the bodies: the main graph's names are plain");
        assertEquals(InlinedIfModel.OPERATIONS, graph.nodes(OperationNode.class).size());
        assertEquals(ModulePath.of("If_0", "then_branch", "stft"),
                op(graph, "If_0_then_branch__Inline_0__/stft/Conv").scope());
        assertEquals(ModulePath.of("If_0", "else_branch", "encoder", "layer.3", "activation"),
                op(graph, "If_0_else_branch__Inline_0__/encoder/layer.3/activation/Relu").scope());
        assertEquals(ModulePath.of("If_0", "then_branch"), op(graph, "If_0_then_branch__Identity_0").scope(),
                "spox's own nodes in a branch sit in the branch");
        for (String module : List.of("If_0.then_branch.stft", "If_0.then_branch.encoder.layer.0",
                "If_0.else_branch.decoder")) {
            assertTrue(graph.modules().find(module).isPresent(), module);
        }
        assertFalse(graph.modules().all().stream().anyMatch(m -> m.path().dotted().contains("Inline")),
                "no module is named for the prefix");
    }

    @Test
    void branchResultsFlowIntoTheIfThatReturnsThem() {
        ModelGraph graph = OnnxReader.read(InlinedIfModel.write(dir, "vad.onnx"));
        OperationNode choice = op(graph, "If_0");

        List<OutputNode> branchResults = graph.nodes(OutputNode.class).stream()
                .filter(o -> !o.scope().isRoot()).toList();
        assertEquals(2, branchResults.size());
        for (OutputNode result : branchResults) {
            List<Node> next = graph.graph().outgoingEdgesOf(result).stream()
                    .map(e -> graph.graph().getEdgeTarget(e)).toList();
            assertEquals(List.of(choice), next, result.tensor().name());
        }
        // and the If passes its result on to the model's output, as before
        assertTrue(graph.graph().outgoingEdgesOf(choice).stream()
                .anyMatch(e -> graph.graph().getEdgeTarget(e) instanceof OutputNode o && o.scope().isRoot()));
    }
}
