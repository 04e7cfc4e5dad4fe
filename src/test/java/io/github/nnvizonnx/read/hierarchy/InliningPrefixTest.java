package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.named;
import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class InliningPrefixTest {
    @Test
    void spoxPrefixesOfInlinedModelsAreRemovedAtAnyNesting() {
        // spox: <inline node>__<name>; inside a body its node names carry <owner>_<attribute>__ in front
        assertEquals("/stft/Conv", InliningPrefix.strip("Inline_0__/stft/Conv"));
        assertEquals("/stft/Conv", InliningPrefix.strip("If_0_else_branch__Inline_0__/stft/Conv"));
        assertEquals("/encoder/layer.0/Relu",
                InliningPrefix.strip("If_0_then_branch__If_3_else_branch__Inline_12__/encoder/layer.0/Relu"));
        assertEquals("/a/Conv", InliningPrefix.strip("Inline_0__Inline_1__/a/Conv"), "a model inlined twice");
        // an inlined tf or flat model keeps its own form behind the prefix
        assertEquals("model/dense/MatMul", InliningPrefix.strip("Inline_0__model/dense/MatMul"));
        assertEquals("Conv_12", InliningPrefix.strip("If_0_then_branch__Inline_2__Conv_12"));
    }

    @Test
    void aCallStackPrefixBeforeATorchNameIsRemoved() {
        // onnxscript's inliner (before onnx_ir) joined the call stack with '_' in front of each name
        assertEquals("/encoder/MatMul", InliningPrefix.strip("Block_0_/encoder/MatMul"));
        assertEquals("/encoder/MatMul", InliningPrefix.strip("Outer_Block_0_/encoder/MatMul"));
    }

    @Test
    void namesWithoutAPrefixStayTheSameString() {
        for (String name : List.of("/layer1/layer1.0/conv1/Conv", "model/dense/MatMul", "sequential_1/dense_1/MatMul",
                "StatefulPartitionedCall/model/conv2d/Conv2D__6", "If_0_else_branch__Equal_3", "Conv_12",
                "p2o.Conv.0", "", "_/x", "Inline_0__", "MyInline_0__Conv", "/stft/Conv__3")) {
            assertSame(name, InliningPrefix.strip(name), name);
        }
    }

    @Test
    void torchAndTfConventionsReadTheScopesBehindThePrefix() {
        List<ScopeAssignment> torch = new TorchScopeConvention().assign(named(
                "If_0_then_branch__Inline_0__/encoder/layer.0/conv/Conv", "If_0_then_branch__Identity_0"));
        assertEquals(List.of("encoder|layer.0|conv", ""), paths(torch));
        assertEquals("Conv", torch.get(0).shortName());
        List<ScopeAssignment> tf = new TfScopeConvention().assign(named("Inline_0__model/dense/MatMul"));
        assertEquals(List.of("model|dense"), paths(tf));
    }

    @Test
    void spoxOwnNodesInABodyAreShortNamedWithoutTheBodyPrefix() {
        assertEquals("If_1", new TorchScopeConvention().assign(named("If_0_then_branch__If_1")).get(0).shortName());
        for (String name : List.of("Identity_0", "Conv2D__6", "a__b", "x__If_", "__If_1", "If_0_then_branch__")) {
            assertEquals(0, InliningPrefix.ownNameStart(name), name);
        }
    }

    @Test
    void detectionSeesTorchNamesBehindThePrefix() {
        assertEquals("torch", Conventions.detect(named("If_0_then_branch__Inline_0__/stft/Conv",
                "If_0_then_branch__Inline_0__/encoder/Relu", "If_0_then_branch__Identity_0"), false));
    }
}
