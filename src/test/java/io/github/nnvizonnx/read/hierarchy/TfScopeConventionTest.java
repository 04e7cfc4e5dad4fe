package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.named;
import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfScopeConventionTest {
    private final TfScopeConvention convention = new TfScopeConvention();

    @Test
    void scopesComeFromSlashesAndConverterSuffixesStayInTheirScope() {
        List<ScopeAssignment> a = convention.assign(named("model/conv2d/Conv2D", "model/conv2d/Conv2D__6",
                "StatefulPartitionedCall/model/dense_1/MatMul", "Transpose__42"));
        assertEquals(List.of("model|conv2d", "model|conv2d", "model|dense_1", ""), paths(a));
        assertEquals("Conv2D", a.get(1).shortName());
        assertEquals("Transpose", a.get(3).shortName());
    }

    @Test
    void kerasLayerNumbersArePartOfTheName() {
        List<ScopeAssignment> a = convention.assign(named("model/conv2d/Conv2D", "model/conv2d_1/Conv2D"));
        assertEquals(List.of("model|conv2d", "model|conv2d_1"), paths(a));
    }
}
