package io.github.nnvizonnx.transform;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.constant;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sections of a model without modules, as paddle2onnx writes them: blocks {@code Conv → Relu → Conv → Add(block
 * input)} one after another, named {@code p2o.Conv.7} with no scopes, and a long skip from the first block's output
 * to a final Add (a feature pyramid's).
 */
class FlatSectionsTest {
    private static final int OPS_PER_BLOCK = 4;

    @TempDir
    Path dir;

    private ModelGraph residualBlocks(int blocks) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("flat").addInput(tensor("x", 1, 8, 4, 4))
                .addOutput(tensor("y", 1, 8, 4, 4));
        String input = "x";
        int op = 0;
        for (int b = 0; b < blocks; b++) {
            g.addInitializer(weight("w" + b + "a", 8, 8, 1, 1)).addInitializer(weight("w" + b + "b", 8, 8, 1, 1));
            g.addNode(node("p2o.Conv." + op++, "Conv", in(input, "w" + b + "a"), "c" + b));
            g.addNode(node("p2o.Relu." + op++, "Relu", in("c" + b), "r" + b));
            g.addNode(node("p2o.Conv." + op++, "Conv", in("r" + b, "w" + b + "b"), "d" + b));
            g.addNode(node("p2o.Add." + op++, "Add", in("d" + b, input), "o" + b));
            input = "o" + b;
        }
        g.addNode(node("p2o.Add." + op++, "Add", in(input, "o0"), "y0"));
        // a Reshape whose target a Constant fixes: the Constant is hidden, so the view's node numbers have a gap
        g.addNode(constant("p2o.shape", int64s("shape", 1, 8, 4, 4)));
        g.addNode(node("p2o.Reshape." + op, "Reshape", in("y0", "p2o.shape"), "y"));
        return HideClutter.apply(OnnxReader.read(write(dir, "flat.onnx", model(g))));
    }

    private static List<Module> sections(ModelGraph g) {
        return g.modules().children(ModulePath.ROOT);
    }

    @Test
    void aFlatModelIsCutIntoAboutADozenSectionsBetweenBlocks() {
        ModelGraph flat = residualBlocks(60);
        ModelGraph sectioned = FlatSections.apply(flat, 60);
        List<Module> sections = sections(sectioned);
        assertTrue(sections.size() >= 10 && sections.size() <= 14, sections.size() + " sections");
        assertEquals("ops 1–20", sections.get(0).title(), "20 ops: five blocks of four");
        assertEquals("Conv ×10, Relu ×5, Add ×5", sections.get(0).className(),
                "the layers with weights first, then the most frequent");
        for (OperationNode op : sectioned.nodes(OperationNode.class)) {
            int index = Integer.parseInt(op.name().substring(op.name().lastIndexOf('.') + 1));
            Module section = sectioned.modules().require(op.scope());
            String[] range = section.title().substring(4).split("–");
            assertTrue(index + 1 >= Integer.parseInt(range[0]) && index + 1 <= Integer.parseInt(range[1]),
                    op.name() + " in " + section.title());
            if (index % OPS_PER_BLOCK == 0 && index < 240) {
                // a section starts with a block, never inside one: where only the block input and the skip cross
                assertTrue(sectionStart(section) % OPS_PER_BLOCK == 0, section.title());
            }
        }
        assertEquals(flat.graph().edgeSet().size(), sectioned.graph().edgeSet().size(), "every edge kept");
        for (OperationNode op : sectioned.nodes(OperationNode.class)) {
            OperationNode before = flat.nodes(OperationNode.class).stream().filter(o -> o.name().equals(op.name()))
                    .findFirst().orElseThrow();
            assertEquals(String.valueOf(flat.fixedInputs(before)), String.valueOf(sectioned.fixedInputs(op)),
                    "what the file fixes of " + op.name() + "'s inputs stays with it");
        }
        OperationNode reshape = sectioned.nodes(OperationNode.class).stream()
                .filter(o -> o.opType().equals("Reshape")).findFirst().orElseThrow();
        assertEquals("[1, 8, 4, 4]", java.util.Arrays.toString(sectioned.fixedInputs(reshape).values(1)));
        assertEquals(flat.nodes().size(), sectioned.nodes().size());
    }

    private static int sectionStart(Module section) {
        return Integer.parseInt(section.title().substring(4).split("–")[0]) - 1;
    }

    @Test
    void theDefaultViewDrawsSectionsWithinTheBudgetAndFixedDepthsDrawTheModelAsItIs() {
        ModelGraph flat = residualBlocks(60);
        ModelGraph drawn = Views.apply(flat, ViewOptions.defaults());
        assertTrue(drawn.nodes().size() <= ViewOptions.defaults().maxNodes(), drawn.nodes().size() + " nodes");
        assertEquals(flat.nodes().size(), Views.apply(flat, ViewOptions.everything()).nodes().size(),
                "--depth all: every operation, no sections");
    }

    @Test
    void smallFlatModelsAndModelsWithModulesAreLeftAsTheyAre() {
        ModelGraph small = residualBlocks(10);
        assertSame(small, FlatSections.apply(small, 60), "42 operations fit the budget as they are");
        ModelGraph sectioned = FlatSections.apply(residualBlocks(60), 60);
        assertSame(sectioned, FlatSections.apply(sectioned, 60), "a model with modules keeps its own");
        Set<String> titles = sections(sectioned).stream().map(Module::title).collect(Collectors.toSet());
        assertEquals(sections(sectioned).size(), titles.size(), "titles are distinct");
    }
}
