package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A third party's convention, installed only through the test resources' META-INF/services: node names such as
 * {@code colon:encoder:block:Relu} put the node in module {@code encoder.block}. Its prefix is one no real exporter
 * writes, so that detection picks it for the plug-in test's files only.
 */
public final class ColonPathConvention implements HierarchyConvention {
    /** The name {@code --hierarchy} takes. */
    public static final String NAME = "colon-paths";
    private static final String PREFIX = "colon:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(List<NodeView> nodes) {
        return !nodes.isEmpty() && nodes.stream().allMatch(n -> n.name().startsWith(PREFIX));
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<ScopeAssignment> result = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            String[] parts = n.name().startsWith(PREFIX) ? n.name().substring(PREFIX.length()).split(":")
                    : new String[] {n.name()};
            List<ScopeSegment> path = new ArrayList<>();
            for (int i = 0; i < parts.length - 1; i++) {
                path.add(ScopeSegment.named(parts[i]));
            }
            result.add(new ScopeAssignment(path, parts[parts.length - 1]));
        }
        return result;
    }

    /** {@code dir/colon.onnx}: a Relu then a Sigmoid, named {@code firstName} and {@code secondName}. */
    public static Path colonModel(Path dir, String firstName, String secondName) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("z", 1, 4))
                .addNode(node(firstName, "Relu", in("x"), "y"))
                .addNode(node(secondName, "Sigmoid", in("y"), "z"));
        return write(dir, "colon.onnx", model(g));
    }
}
