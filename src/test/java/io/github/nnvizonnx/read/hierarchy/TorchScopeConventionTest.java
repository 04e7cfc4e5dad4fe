package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.named;
import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TorchScopeConventionTest {
    private final TorchScopeConvention convention = new TorchScopeConvention();

    @Test
    void segmentsRepeatingTheParentPrefixBecomeChildDisplayNames() {
        List<ScopeAssignment> a = convention.assign(named("/layer1/layer1.0/conv1/Conv",
                "/layer2/layer2.0/downsample/downsample.0/Conv"));
        assertEquals(List.of("layer1|0|conv1", "layer2|0|downsample|0"), paths(a));
        assertEquals("Conv", a.get(0).shortName());
    }

    @Test
    void aLoadedTorchScriptModulesListItemsGiveTheSamePathsAsTheModulesOwn() {
        // torch.jit.load'ed resnet18 exports /layer1/0/conv1/Conv where the nn.Module exports /layer1/layer1.0/...;
        // a traced ModuleList item keeps its list's name in one segment (/blocks.0/linear/Gemm)
        List<ScopeAssignment> a = convention.assign(named("/layer1/0/conv1/Conv", "/layer1/0/Relu",
                "/layer2/0/downsample/0/Conv", "/blocks.0/linear/Gemm"));
        assertEquals(List.of("layer1|0|conv1", "layer1|0", "layer2|0|downsample|0", "blocks.0|linear"), paths(a));
    }

    @Test
    void repeatedCallSuffixIsFoundAsThePatternWould() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("(.+)_(\\d+)");
        for (String name : List.of("relu_1", "relu_12", "a_1_2", "a_1b", "a_", "_1", "a__3", "conv_01", "x_\u0661",
                "a\n_1", "b\na_1", "a\u2028b_4", "plain", "", "_", "__", "a_b_c_9")) {
            java.util.regex.Matcher m = pattern.matcher(name);
            assertEquals(m.matches() ? m.group(1) : null, TorchScopes.repeatedCallOf(name), name);
        }
    }

    @Test
    void relativeSegmentsKeepTheirDottedNames() {
        // HuggingFace BERT: encoder.layer is a ModuleList, so its items are written relative to encoder.
        List<ScopeAssignment> a = convention.assign(named("/encoder/layer.0/attention/self/query/MatMul"));
        assertEquals(List.of("encoder|layer.0|attention|self|query"), paths(a));
    }

    @Test
    void repeatedCallBecomesACallOfItsOwnWhenTheFirstCallExists() {
        List<ScopeAssignment> a = convention.assign(named("/layer4/layer4.1/relu/Relu",
                "/layer4/layer4.1/relu_1/Relu", "/block_1/relu/Relu", "/block/relu/Relu", "/block_2/relu/Relu"));
        assertEquals(List.of("layer4|1|relu", "layer4|1|relu#2", "block#2|relu", "block|relu", "block#3|relu"),
                paths(a));
        assertEquals("Relu", a.get(1).shortName());
    }

    @Test
    void moduleNamedWithSuffixStaysWhenNoSiblingWithoutIt() {
        List<ScopeAssignment> a = convention.assign(named("/conv_1/Conv", "/conv_2/Conv"));
        assertEquals(List.of("conv_1", "conv_2"), paths(a));
    }

    @Test
    void rootOpsAndUnscopedNamesSitAtTheRoot() {
        List<ScopeAssignment> a = convention.assign(named("/Flatten", "Identity_0", "Conv_12", ""));
        assertEquals(List.of("", "", "", ""), paths(a));
        assertEquals("Flatten", a.get(0).shortName());
        assertEquals("Identity_0", a.get(1).shortName());
    }
}
