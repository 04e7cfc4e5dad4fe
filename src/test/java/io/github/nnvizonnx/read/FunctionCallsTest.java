package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.read.hierarchy.ScopeAssignment;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call becomes the module of the shortest scope prefix it alone has, and its body reads the caller's tensors. */
class FunctionCallsTest {
    private static final FunctionProto BLOCK = FunctionProto.newBuilder().setName("Block").setDomain("pkg")
            .addInput("a").addOutput("b").build();

    private static List<ScopeSegment> path(String... names) {
        return java.util.Arrays.stream(names).map(n -> new ScopeSegment(n, null)).toList();
    }

    /** Calls of {@link #BLOCK} in a model that has only its root so far. */
    private static FunctionCalls blockCalls() {
        ModuleRegistry modules = new ModuleRegistry();
        modules.addRoot("g", null);
        return new FunctionCalls(new LocalFunctions(List.of(BLOCK)), modules);
    }

    @Test
    void countsTheNodesUnderEachScopePrefix() {
        List<ScopeSegment> shared = path("layer1", "conv");
        List<ScopeAssignment> assignments = List.of(new ScopeAssignment(shared, "c"), new ScopeAssignment(shared, "d"),
                new ScopeAssignment(path("layer1", "relu"), "r"), new ScopeAssignment(List.of(), "top"));
        assertEquals(Map.of(List.of("layer1"), 3, List.of("layer1", "conv"), 2, List.of("layer1", "relu"), 1),
                FunctionCalls.prefixCounts(assignments));
    }

    @Test
    void aCallIsTheModuleOfTheShortestPrefixNoOtherNodeShares() {
        FunctionCalls calls = blockCalls();
        Map<List<String>, Integer> counts = Map.of(List.of("layer1"), 3, List.of("layer1", "block"), 1);
        assertEquals(ModulePath.of("layer1", "block"),
                calls.callPath(ModulePath.ROOT, path("layer1", "block", "relu"), counts, BLOCK, new CallNames()));
        assertEquals(ModulePath.of("layer1", "Block"), calls.callPath(ModulePath.ROOT, path("layer1"),
                Map.of(List.of("layer1"), 3), BLOCK, new CallNames()),
                "no prefix of its own: a child named after the class");
    }

    @Test
    void callsOfOneClassAtOnePlaceAreAllNumbered() {
        FunctionCalls calls = blockCalls();
        CallNames names = new CallNames();
        names.count(List.of(), "Block");
        names.count(List.of(), "Block");
        List<ModulePath> paths = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ModulePath p = calls.callPath(ModulePath.ROOT, List.of(), Map.of(), BLOCK, names);
            paths.add(calls.enter(NodeWiring.of(NodeProto.newBuilder().setOpType("Block").setDomain("pkg")
                    .build()), BLOCK, p, TensorScope.main(4)).path());
        }
        assertEquals(List.of(ModulePath.of("Block_0"), ModulePath.of("Block_1")), paths,
                "never Block beside Block_1");
    }

    @Test
    void theBodyReadsTheCallersTensorsAndProducesTheCallsOutputs() {
        FunctionCalls calls = blockCalls();
        NodeProto node = NodeProto.newBuilder().setOpType("Block").setDomain("pkg").addInput("x").addOutput("y")
                .build();
        TensorScope caller = TensorScope.main(8);
        caller.produce("x", 0);
        FunctionCalls.Call call = calls.enter(NodeWiring.of(node), BLOCK, ModulePath.of("Block"), caller);
        assertEquals(ModulePath.of("Block"), call.path());
        assertEquals(0, call.body().resolve("a").producer(), "the formal input is the caller's x");
        call.body().produce("b", 7);
        calls.leave(call, caller);
        assertEquals(7, caller.resolve("y").producer());
    }
}
