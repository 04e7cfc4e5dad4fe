package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.testsupport.HostileModels;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls of local functions are expanded only while the result stays under the cap: a few KB of functions calling
 * each other twice cannot ask for 2^40 operations. Sizes are known before anything is expanded.
 */
class FunctionExpansionCapTest {
    @TempDir
    Path dir;

    @Test
    void sizesAreComputedOncePerFunctionAndSaturate() {
        ModelProto bomb = HostileModels.functionBomb(70, 2).build();
        LocalFunctions functions = new LocalFunctions(bomb.getFunctionsList());
        assertEquals(Long.MAX_VALUE, LocalFunctions.expandedSize(bomb.getGraph().getNodeList(),
                bomb.getFunctionsList()), "2^69 does not fit a long: it sticks at the largest");
        ModelProto small = HostileModels.functionBomb(11, 3).build();
        assertEquals(59_049, LocalFunctions.expandedSize(small.getGraph().getNodeList(), small.getFunctionsList()));
        assertEquals(null, functions.calledBy("bomb", "f0", "", 0), "past the cap: not expanded");
        assertEquals(1, functions.unexpandedCalls());
    }

    @Test
    void theCostliestShapeUnderTheCapIsExpandedAndTheNextIsNot() {
        // 2^15 operations in 2^16 - 1 modules: under 100,000; twice that is over
        Path under = OnnxBuilder.write(dir, "under.onnx", HostileModels.functionBomb(16, 2));
        assertEquals(1 << 15, OnnxReader.read(under).nodes(OperationNode.class).size());
        Path over = OnnxBuilder.write(dir, "over.onnx", HostileModels.functionBomb(17, 2));
        assertEquals(1, OnnxReader.read(over).nodes(OperationNode.class).size());
    }

    @Test
    void aRecursiveCallCountsAsTheOneOperationItIsDrawnAs() {
        FunctionProto loop = OnnxBuilder.function("d", "F", OnnxBuilder.in("a"), "b")
                .addNode(OnnxBuilder.node("self", "F", OnnxBuilder.in("a"), "t").setDomain("d"))
                .addNode(OnnxBuilder.node("r", "Relu", OnnxBuilder.in("t"), "b")).build();
        assertEquals(2, LocalFunctions.expandedSize(List.of(OnnxBuilder.node("call", "F", OnnxBuilder.in("x"), "y")
                .setDomain("d").build()), List.of(loop)));
    }

    @Test
    void theBombIsDrawnWithItsCallUnexpandedAndOneWarning() {
        Path file = OnnxBuilder.write(dir, "bomb.onnx", HostileModels.functionBomb(41, 2));
        ModelGraph graph = OnnxReader.read(file);

        List<OperationNode> operations = graph.nodes(OperationNode.class);
        assertEquals(1, operations.size());
        assertEquals("f0", operations.get(0).opType(), "the call is drawn as one operation");
        assertEquals(1L << 40, graph.expandedOperationCount(), "what onnxruntime would load");
        assertEquals(1, graph.info().warnings().size(), graph.info().warnings().toString());
        assertTrue(graph.info().warnings().get(0).contains("1,099,511,627,776 operations"),
                graph.info().warnings().get(0));
    }

    @Test
    void underTheCapEveryCallIsExpanded() {
        Path file = OnnxBuilder.write(dir, "small.onnx", HostileModels.functionBomb(9, 2));
        ModelGraph graph = OnnxReader.read(file);
        assertEquals(256, graph.nodes(OperationNode.class).size());
        assertEquals(256, graph.expandedOperationCount());
        assertTrue(graph.info().warnings().isEmpty());
    }

    @Test
    void aFlatReadingStillCountsTheExpandedOperations() {
        Path file = OnnxBuilder.write(dir, "flat.onnx", HostileModels.functionBomb(31, 2));
        ModelGraph graph = OnnxReader.read(file, new OnnxReader.Options("flat"));
        assertEquals(1, graph.nodes(OperationNode.class).size());
        assertEquals(1L << 30, graph.expandedOperationCount());
    }

    @Test
    void theBudgetIsSharedByAllCallsAndNeverOverdrawn() {
        ModelProto model = HostileModels.functionBomb(3, 4).build(); // f0 → 4× f1 → 4× f2 (one Relu): 16
        LocalFunctions functions = new LocalFunctions(model.getFunctionsList(), 10);
        FunctionProto f1 = functions.calledBy("bomb", "f1", "", 1);
        assertEquals("f1", f1.getName(), "4 operations in 5 modules fit in 10");
        functions.enter(f1); // its module is taken; its own body holds only calls
        functions.leave();
        assertEquals(null, functions.calledBy("bomb", "f0", "", 0), "16 operations in 21 modules do not fit in 9");
        assertEquals(1, functions.unexpandedCalls());
    }
}
