package io.github.nnvizonnx.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.Fold;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folding on chains of blocks written as torch 1.13 writes them: {@code x → layers.0 → … → layers.N-1 → head → y},
 * each block {@code fc (MatMul) → Add(mask) → act (Softmax)}, every block reading the same {@code mask}. A test
 * changes one thing in one block and checks that the runs are cut exactly there.
 */
class FoldRepeatsTest {
    @TempDir
    Path dir;

    /** One block's nodes and weight, as a test may change them before they are written. */
    private static final class Block {
        final int index;
        final String input;
        long[] weightDims = {4, 4};
        String sideInput = "mask";
        String activationInput;
        long softmaxAxis = -1;
        long[] outputShape;

        Block(int index, String input) {
            this.index = index;
            this.input = input;
            this.activationInput = "s" + index;
        }

        String scope() {
            return "/layers/layers." + index;
        }

        String output() {
            return "a" + index;
        }
    }

    private ModelGraph chain(int blocks, BiConsumer<Block, GraphProto.Builder> change) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("chain")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addInput(OnnxBuilder.tensor("mask", 1, 4))
                .addInput(OnnxBuilder.tensor("mask2", 1, 4)).addOutput(OnnxBuilder.tensor("y", 1, 2))
                .addInitializer(OnnxBuilder.weight("head.w", 4, 2));
        String input = "x";
        for (int i = 0; i < blocks; i++) {
            Block b = new Block(i, input);
            change.accept(b, g);
            g.addInitializer(OnnxBuilder.weight("layers." + i + ".fc.w", b.weightDims));
            g.addNode(OnnxBuilder.node(b.scope() + "/fc/MatMul", "MatMul", OnnxBuilder.in(b.input,
                    "layers." + i + ".fc.w"), "h" + i));
            g.addNode(OnnxBuilder.node(b.scope() + "/Add", "Add", OnnxBuilder.in("h" + i, b.sideInput), "s" + i));
            NodeProto.Builder act = OnnxBuilder.node(b.scope() + "/act/Softmax", "Softmax",
                    OnnxBuilder.in(b.activationInput), b.output());
            act.addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(b.softmaxAxis));
            g.addNode(act);
            if (b.outputShape != null) {
                g.addValueInfo(OnnxBuilder.tensor(b.output(), b.outputShape));
            }
            input = b.output();
        }
        g.addNode(OnnxBuilder.node("/head/MatMul", "MatMul", OnnxBuilder.in(input, "head.w"), "y"));
        return HideClutter.apply(OnnxReader.read(OnnxBuilder.write(dir, "chain.onnx", OnnxBuilder.model(g))));
    }

    private static List<String> folds(ModelGraph folded) {
        return folded.modules().all().stream().filter(m -> m.fold() != null)
                .map(m -> m.fold().qualifiedRange() + " " + m.fold().countText()).toList();
    }

    private static List<String> layerTitles(ModelGraph folded) {
        return folded.modules().children(ModulePath.of("layers")).stream().map(Module::title).toList();
    }

    @Test
    void identicalChainedBlocksFoldIntoTheFirstWithTheRangeAndCount() {
        ModelGraph model = chain(6, (b, g) -> { });
        ModelGraph folded = FoldRepeats.apply(model);
        assertEquals(List.of("layers.0–5 ×6"), folds(folded));
        Module fold = folded.modules().require(ModulePath.of("layers", "0"));
        assertEquals("layers.0–5", fold.title());
        assertEquals(6 * 16, fold.parameterCount(), "a fold's parameters are its members'");
        assertEquals(model.totalParameters(), folded.totalParameters(), "the model's total is unchanged");
        assertEquals(List.of("layers.0–5"), layerTitles(folded));
        // x, mask, the first block's three operations, head, y: mask2 is read by nothing
        assertEquals(7, folded.nodes().size() - 1);

        OperationNode softmax = op(folded, "/layers/layers.0/act/Softmax");
        OperationNode head = op(folded, "/head/MatMul");
        assertEquals(List.of("a5"), tensorsBetween(folded, softmax, head), "the run's output comes from the fold");
        OperationNode add = op(folded, "/layers/layers.0/Add");
        List<String> maskEdges = folded.graph().incomingEdgesOf(add).stream().map(e -> e.tensor().name())
                .filter("mask"::equals).toList();
        assertEquals(List.of("mask"), maskEdges, "the side input every layer reads is one edge into the fold");
    }

    @Test
    void blocksThatDifferInOneAttributeAreNeverFolded() {
        ModelGraph folded = FoldRepeats.apply(chain(6, (b, g) -> b.softmaxAxis = b.index == 3 ? 1 : -1));
        assertEquals(List.of("layers.0–2 ×3", "layers.4–5 ×2"), folds(folded));
        assertEquals(List.of("layers.0–2", "layers.3", "layers.4–5"), layerTitles(folded));
    }

    @Test
    void longRunsComparedOnTwoThreadsAreCutExactlyWhereABlockDiffers() {
        // 100 blocks: compared in batches of 1, 2, 4, … 32, 64, the large ones split between two threads; the
        // differences sit in the two halves of one large batch, and in the last block
        ModelGraph folded = FoldRepeats.apply(chain(100, (b, g) -> b.softmaxAxis =
                b.index == 40 || b.index == 57 || b.index == 99 ? 1 : -1));
        assertEquals(List.of("layers.0–39 ×40", "layers.41–56 ×16", "layers.58–98 ×41"), folds(folded));
        assertEquals(List.of("layers.0–39", "layers.40", "layers.41–56", "layers.57", "layers.58–98", "layers.99"),
                layerTitles(folded));
        ModelGraph unchanged = FoldRepeats.apply(chain(100, (b, g) -> { }));
        assertEquals(List.of("layers.0–99 ×100"), folds(unchanged));
    }

    @Test
    void blocksThatDifferInOneWeightShapeAreNeverFolded() {
        ModelGraph folded = FoldRepeats.apply(chain(4, (b, g) -> {
            if (b.index == 1) {
                b.weightDims = new long[] {1, 4, 4};
            }
        }));
        assertEquals(List.of("layers.2–3 ×2"), folds(folded));
    }

    @Test
    void blocksThatDifferInOneInnerEdgeAreNeverFolded() {
        ModelGraph folded = FoldRepeats.apply(chain(3, (b, g) -> {
            if (b.index == 2) {
                b.activationInput = "h2"; // the Softmax reads the MatMul, not the Add
            }
        }));
        assertEquals(List.of("layers.0–1 ×2"), folds(folded));
    }

    @Test
    void blocksThatDifferInOneBoundaryShapeAreNeverFolded() {
        ModelGraph folded = FoldRepeats.apply(chain(4, (b, g) -> b.outputShape = b.index == 0 ? new long[] {1, 4}
                : new long[] {1, 5}));
        // layers.0 sends out 1×4, the others 1×5; layers.1 also reads 1×4 where layers.2 and 3 read 1×5
        assertEquals(List.of("layers.2–3 ×2"), folds(folded));
    }

    @Test
    void aShapeOnlyOneBlockKnowsDoesNotStopTheFold() {
        // a file declares the shape of its outputs: here only the last block's
        ModelGraph folded = FoldRepeats.apply(chain(4, (b, g) -> b.outputShape = b.index == 3 ? new long[] {1, 4}
                : null));
        assertEquals(List.of("layers.0–3 ×4"), folds(folded));
    }

    @Test
    void aSideInputOtherThanTheFirstBlocksCutsTheRun() {
        ModelGraph folded = FoldRepeats.apply(chain(5, (b, g) -> b.sideInput = b.index >= 2 ? "mask2" : "mask"));
        assertEquals(List.of("layers.0–1 ×2", "layers.2–4 ×3"), folds(folded));
    }

    @Test
    void aMiddleOutputUsedElsewhereCutsTheRunAndKeepsItsEdge() {
        ModelGraph model = chain(5, (b, g) -> {
            if (b.index == 1) {
                g.addOutput(OnnxBuilder.tensor("a1", 1, 4)); // layers.1's output leaves the model too
            }
        });
        ModelGraph folded = FoldRepeats.apply(model);
        assertEquals(List.of("layers.0–1 ×2", "layers.2–4 ×3"), folds(folded));
        OutputNode a1 = folded.nodes(OutputNode.class).stream().filter(o -> o.tensor().name().equals("a1"))
                .findFirst().orElseThrow();
        Node producer = folded.graph().getEdgeSource(folded.graph().incomingEdgesOf(a1).iterator().next());
        assertEquals("/layers/layers.0/act/Softmax", ((OperationNode) producer).name(),
                "the output is drawn from the fold that ends with its producer");
        assertEquals(1, folded.graph().incomingEdgesOf(a1).size());
        assertEquals(List.of("a1"), tensorsBetween(folded, producer, op(folded, "/layers/layers.2/fc/MatMul")),
                "the second run reads the first run's output");
        assertEquals(List.of("a4"), tensorsBetween(folded, op(folded, "/layers/layers.2/act/Softmax"),
                op(folded, "/head/MatMul")));
    }

    @Test
    void runsFoldAtEveryLevelAndOnlyTheFirstMemberIsLookedInto() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("stages")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addOutput(OnnxBuilder.tensor("y", 1, 4));
        String input = "x";
        int n = 0;
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < 4; b++) {
                String out = "t" + n++;
                g.addNode(OnnxBuilder.node("/stages/stages." + s + "/blocks." + b + "/Relu", "Relu",
                        OnnxBuilder.in(input), out));
                g.addNode(OnnxBuilder.node("/stages/stages." + s + "/blocks." + b + "/Neg", "Neg",
                        OnnxBuilder.in(out), out + "n"));
                input = out + "n";
            }
        }
        g.addNode(OnnxBuilder.node("/head/Identity", "Identity", OnnxBuilder.in(input), "y"));
        ModelGraph folded = FoldRepeats.apply(OnnxReader.read(OnnxBuilder.write(dir, "s.onnx",
                OnnxBuilder.model(g))));
        assertEquals(List.of("stages.0–2 ×3", "stages.0.blocks.0–3 ×4"), folds(folded));
        assertEquals(2 + 2 + 1, folded.nodes().size(), "x, one block's two operations, the head, y");
    }

    @Test
    void nothingRepeatedLeavesTheModelAsItIs() {
        ModelGraph model = chain(1, (b, g) -> { });
        assertSame(model, FoldRepeats.apply(model));
    }

    @Test
    void foldedModulesAreFoundByTheNamesOfTheMembersFoldedAway() {
        ModelGraph folded = FoldRepeats.apply(chain(4, (b, g) -> { }));
        Module act = FoldedNames.find(folded.modules(), "layers.2.act").orElseThrow();
        assertEquals(ModulePath.of("layers", "0", "act"), act.path());
        assertTrue(FoldedNames.find(folded.modules(), "layers.9.act").isEmpty());
        ModelGraph drawn = Views.apply(chain(4, (b, g) -> { }), ViewOptions.defaults().withCollapse(
                List.of("layers.3.act")).withDepth(null));
        assertTrue(drawn.nodes().stream().anyMatch(n -> n.scope().equals(ModulePath.of("layers", "0"))));
    }

    @Test
    void canonicalFormsAreComparedInFullWithOnlyUnknownTensorsLenient() {
        long unknown = -2;
        long known = -7;
        long other = -9;
        assertTrue(BlockSignature.compatible(new long[] {3, unknown, 1}, new long[] {3, known, 1}));
        assertTrue(BlockSignature.compatible(new long[] {3, known, 1}, new long[] {3, unknown, 1}));
        assertTrue(!BlockSignature.compatible(new long[] {3, known, 1}, new long[] {3, other, 1}));
        assertTrue(!BlockSignature.compatible(new long[] {3, known, 1}, new long[] {3, known, 2}));
        assertTrue(!BlockSignature.compatible(new long[] {3, unknown}, new long[] {3, 0}),
                "an unknown tensor never matches a number of another kind");
        assertTrue(!BlockSignature.compatible(new long[] {3}, new long[] {3, 0}));
    }

    @Test
    void rangesNameNumberedMembersCompactly() {
        assertEquals("layer.0–11", Fold.range("layer.0", "layer.11"));
        assertEquals("layer2.1–3", Fold.range("layer2.1", "layer2.3"));
        assertEquals("block_a…block_c", Fold.range("block_a", "block_c"));
        assertEquals("conv1…dense2", Fold.range("conv1", "dense2"));
    }

    private static OperationNode op(ModelGraph g, String name) {
        return g.nodes(OperationNode.class).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> tensorsBetween(ModelGraph g, Node from, Node to) {
        List<String> names = new ArrayList<>();
        for (TensorEdge e : g.graph().getAllEdges(from, to)) {
            names.add(e.tensor().name());
        }
        return names;
    }
}
