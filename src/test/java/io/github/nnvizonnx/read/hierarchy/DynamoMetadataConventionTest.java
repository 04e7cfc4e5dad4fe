package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoMetadataConventionTest {
    private static final String RESNET_CLASSES = "'torchvision.models.resnet.ResNet',"
            + " 'torch.nn.modules.container.Sequential', 'torchvision.models.resnet.BasicBlock',"
            + " 'torch.nn.modules.conv.Conv2d'";

    private final DynamoMetadataConvention convention = new DynamoMetadataConvention();

    private static NodeView withScopes(String name, String scopes, String classes) {
        return new NodeView(name, "Conv", "", Map.of(DynamoMetadataConvention.NAME_SCOPES, scopes,
                DynamoMetadataConvention.CLASS_HIERARCHY, classes));
    }

    /** A node as torch >= 2.5 writes it: each list ends with the FX node itself, and fx_node names that node. */
    private static NodeView exported(String name, String scopes, String classes, String fxNode) {
        Map<String, String> metadata = new HashMap<>(withScopes(name, scopes, classes).metadata());
        metadata.put(DynamoMetadataConvention.FX_NODE, fxNode);
        return new NodeView(name, "Conv", "", metadata);
    }

    @Test
    void nameScopesAndClassHierarchyGiveDisplayNamesAndClasses() {
        NodeView conv = withScopes("node_Conv_0", "['', 'layer1', 'layer1.0', 'layer1.0.conv1']",
                "[" + RESNET_CLASSES + "]");
        List<ScopeAssignment> a = convention.assign(List.of(conv));
        assertEquals(List.of("layer1|0|conv1"), paths(a));
        assertEquals("BasicBlock", a.get(0).path().get(1).className());
        assertEquals("torch.nn.modules.conv.Conv2d", a.get(0).path().get(2).qualifiedClassName());
        assertEquals("torchvision.models.resnet.ResNet", convention.rootClassName(List.of(conv)));
    }

    @Test
    void theNodesOwnEntryAtTheEndOfARealExportIsNoModule() {
        String scopes = "['', 'layer1', 'layer1.0', 'layer1.0.conv1', 'conv2d']";
        String classes = "[" + RESNET_CLASSES + ", 'aten.conv2d.default']";
        NodeView withFxNode = exported("node_conv2d", scopes, classes,
                "%conv2d : [num_users=1] = call_function[target=torch.ops.aten.conv2d.default](args = (%x,), kwargs = {})");
        NodeView withoutFxNode = withScopes("node_conv2d", scopes, classes);
        for (NodeView n : List.of(withFxNode, withoutFxNode)) {
            List<ScopeAssignment> a = convention.assign(List.of(n));
            assertEquals(List.of("layer1|0|conv1"), paths(a));
            assertEquals("Conv2d", a.get(0).path().get(2).className());
        }
    }

    @Test
    void fxNodeTellsTheOwnEntryWhateverItsClass() {
        // A custom op's target looks like any dotted name; the FX node's name settles it.
        NodeView custom = exported("node_scale", "['', 'head', 'scale']", "['m.Net', 'm.Head', 'mylib.scale.Tensor']",
                "%scale : [num_users=1] = call_function[target=torch.ops.mylib.scale.Tensor](args = (%x,), kwargs = {})");
        assertEquals(List.of("head"), paths(convention.assign(List.of(custom))));

        NodeView shortened = exported("node_relu", "['', 'head', 'head.act']", "['m.Net', 'm.Head', 'm.Act']",
                "%relu : [num_users=1] = call_function[target=torch.ops.aten.relu.default](args = (%x,), kwargs = {})");
        assertEquals(List.of("head|act"), paths(convention.assign(List.of(shortened))));
    }

    @Test
    void operatorTargetsAreRecognisedWithoutFxNode() {
        for (String target : List.of("aten.add.Tensor", "prims.convert_element_type.default",
                "mylib.custom.default", "<built-in function getitem>")) {
            NodeView n = withScopes("node_x", "['', 'blocks', 'blocks.0', 'x']",
                    "['m.Net', 'torch.nn.modules.container.Sequential', 'm.Block', '" + target + "']");
            assertEquals(List.of("blocks|0"), paths(convention.assign(List.of(n))), target);
        }
    }

    @Test
    void withoutClassesANameThatDoesNotExtendItsParentIsTheNode() {
        NodeView own = new NodeView("node_relu", "Relu", "",
                Map.of(DynamoMetadataConvention.NAME_SCOPES, "['', 'blocks', 'blocks.0', 'relu']"));
        NodeView module = new NodeView("node_Relu_1", "Relu", "",
                Map.of(DynamoMetadataConvention.NAME_SCOPES, "['', 'blocks', 'blocks.0', 'blocks.0.act']"));
        assertEquals(List.of("blocks|0", "blocks|0|act"), paths(convention.assign(List.of(own, module))));
    }

    @Test
    void nodesOutsideEveryModuleHaveOnlyTheirOwnEntry() {
        // Without a module stack torch writes the node alone, with no root entry; at the root it follows ''.
        NodeView alone = exported("node_getitem", "['getitem']", "['<built-in function getitem>']",
                "%getitem : [num_users=1] = call_function[target=operator.getitem](args = (%split, 0), kwargs = {})");
        NodeView aloneNoClass = new NodeView("node_add", "Add", "",
                Map.of(DynamoMetadataConvention.NAME_SCOPES, "['add']"));
        NodeView aloneNamespace = new NodeView("node_mul", "Mul", "",
                Map.of(DynamoMetadataConvention.NAMESPACE, "mul: aten.mul.Tensor"));
        NodeView atRoot = withScopes("node_flatten", "['', 'flatten']", "['m.Net', 'aten.flatten.using_ints']");
        List<NodeView> nodes = List.of(alone, aloneNoClass, aloneNamespace, atRoot);
        assertEquals(List.of("", "", "", ""), paths(convention.assign(nodes)));
        assertNull(convention.rootClassName(List.of(alone, aloneNoClass, aloneNamespace)));
        assertEquals("m.Net", convention.rootClassName(nodes));
    }

    @Test
    void namespaceAloneIsEnough() {
        NodeView n = new NodeView("node_conv2d", "Conv", "", Map.of(DynamoMetadataConvention.NAMESPACE,
                ": torchvision.models.resnet.ResNet/layer1: torch.nn.modules.container.Sequential/layer1.0:"
                        + " torchvision.models.resnet.BasicBlock/layer1.0.conv1: torch.nn.modules.conv.Conv2d/conv2d:"
                        + " aten.conv2d.default"));
        List<ScopeAssignment> a = convention.assign(List.of(n));
        assertEquals(List.of("layer1|0|conv1"), paths(a));
        assertEquals("Sequential", a.get(0).path().get(0).className());
        assertEquals("Conv2d", a.get(0).path().get(2).className());
    }

    @Test
    void namespaceEndingAtAModuleKeepsIt() {
        NodeView n = new NodeView("node_Relu_0", "Relu", "", Map.of(DynamoMetadataConvention.NAMESPACE,
                ": m.Net/blocks: torch.nn.modules.container.Sequential/blocks.0: m.Block"));
        assertEquals(List.of("blocks|0"), paths(convention.assign(List.of(n))));
    }

    @Test
    void nodesWithoutMetadataAreAtTheRoot() {
        NodeView plain = new NodeView("node_Add_3", "Add", "", Map.of());
        NodeView rootLevel = withScopes("node_flatten", "['']", "['m.Net']");
        assertEquals(List.of("", ""), paths(convention.assign(List.of(plain, rootLevel))));
        assertNull(convention.rootClassName(List.of(plain)));
    }
}
