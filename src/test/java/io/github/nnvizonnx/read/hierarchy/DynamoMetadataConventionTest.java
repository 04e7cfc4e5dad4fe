package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoMetadataConventionTest {
    private final DynamoMetadataConvention convention = new DynamoMetadataConvention();

    private static NodeView withScopes(String name, String scopes, String classes) {
        return new NodeView(name, "Conv", "", Map.of(DynamoMetadataConvention.NAME_SCOPES, scopes,
                DynamoMetadataConvention.CLASS_HIERARCHY, classes));
    }

    @Test
    void nameScopesAndClassHierarchyGiveDisplayNamesAndClasses() {
        NodeView conv = withScopes("node_Conv_0", "['', 'layer1', 'layer1.0', 'layer1.0.conv1']",
                "['torchvision.models.resnet.ResNet', 'torch.nn.modules.container.Sequential',"
                        + " 'torchvision.models.resnet.BasicBlock', 'torch.nn.modules.conv.Conv2d']");
        List<ScopeAssignment> a = convention.assign(List.of(conv));
        assertEquals(List.of("layer1|0|conv1"), paths(a));
        assertEquals("BasicBlock", a.get(0).path().get(1).className());
        assertEquals("torch.nn.modules.conv.Conv2d", a.get(0).path().get(2).qualifiedClassName());
        assertEquals("torchvision.models.resnet.ResNet", convention.rootClassName(List.of(conv)));
    }

    @Test
    void namespaceAloneIsEnough() {
        NodeView n = new NodeView("node_conv2d", "Conv", "", Map.of(DynamoMetadataConvention.NAMESPACE,
                ": torchvision.models.resnet.ResNet/layer1: torch.nn.modules.container.Sequential/layer1.0:"
                        + " torchvision.models.resnet.BasicBlock/conv1: torch.nn.modules.conv.Conv2d/node_conv2d:"
                        + " aten.conv2d.default"));
        List<ScopeAssignment> a = convention.assign(List.of(n));
        assertEquals(List.of("layer1|0|conv1"), paths(a));
        assertEquals("Sequential", a.get(0).path().get(0).className());
        assertEquals("Conv2d", a.get(0).path().get(2).className());
    }

    @Test
    void nodesWithoutMetadataAreAtTheRoot() {
        NodeView plain = new NodeView("node_Add_3", "Add", "", Map.of());
        NodeView rootLevel = withScopes("node_flatten", "['']", "['m.Net']");
        assertEquals(List.of("", ""), paths(convention.assign(List.of(plain, rootLevel))));
        assertNull(convention.rootClassName(List.of(plain)));
    }
}
