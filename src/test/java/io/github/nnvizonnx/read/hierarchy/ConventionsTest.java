package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConventionsTest {
    @Test
    void detectsEachExportersNames() {
        assertEquals("torch", Conventions.detect(named("Identity_0", "/conv1/Conv", "/layer1/layer1.0/Add"), false));
        assertEquals("tf", Conventions.detect(named("model/conv2d/Conv2D", "Transpose__3"), false));
        assertEquals("flat", Conventions.detect(named("p2o.Conv.0", "p2o.Relu.1"), false));
        assertEquals("flat", Conventions.detect(named("", ""), false));
        assertEquals("functions", Conventions.detect(named("Gemm_0", "LinearBlock_1"), true));
        List<NodeView> dynamo = List.of(new NodeView("node_Conv_0", "Conv", "",
                Map.of("namespace", ": m.Net/conv: torch.nn.Conv2d/node_Conv_0: aten.conv2d.default")));
        assertEquals("dynamo", Conventions.detect(dynamo, false));
    }

    @Test
    void aMainGraphThatIsOneCallReadsAsFunctionsThoughItsNameLooksScoped() {
        assertEquals("functions", Conventions.detect(named("/fc/ResNet"), true, true));
        assertEquals("torch", Conventions.detect(named("/fc/ResNet"), true, false));
    }

    @Test
    void onlyTorchMarksNamesWithoutScope() {
        NodeView unscoped = named("Clip_3").get(0);
        assertEquals(true, Conventions.byName("torch").isUnscoped(unscoped));
        assertEquals(false, Conventions.byName("torch").isUnscoped(named("/roi_heads/Clip").get(0)));
        assertEquals(false, Conventions.byName("flat").isUnscoped(unscoped));
        assertEquals(false, Conventions.byName("functions").isUnscoped(unscoped));
    }

    @Test
    void unknownNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Conventions.byName("keras"));
    }

    @Test
    void pythonListLiteralsParse() {
        assertEquals(List.of("", "a", "it's", "q\"x"), PythonListLiteral.parse("['', 'a', \"it's\", 'q\"x']"));
        assertEquals(List.of(), PythonListLiteral.parse("[]"));
        assertEquals(null, PythonListLiteral.parse("['unterminated]"));
        assertEquals(null, PythonListLiteral.parse("not a list"));
    }
}
