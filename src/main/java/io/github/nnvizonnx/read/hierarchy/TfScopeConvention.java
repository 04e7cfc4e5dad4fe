package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.List;

/**
 * tf2onnx and Keras: node names such as {@code model/conv2d/Conv2D}; the converter's own nodes end in {@code __N}
 * ({@code model/conv2d/Conv2D__6}) and stay in the scope they name. The {@code StatefulPartitionedCall/} that
 * TensorFlow puts in front of a traced function's names is noise. Keras numbers distinct layers {@code conv2d_1}, so
 * unlike torch a {@code _N} suffix is part of the name. A converter's inlining prefix ({@link InliningPrefix}) is
 * read past.
 */
public final class TfScopeConvention implements HierarchyConvention {
    private static final String CALL_WRAPPER = "StatefulPartitionedCall";

    @Override
    public String name() {
        return "tf";
    }

    @Override
    public List<ScopeAssignment> assign(List<NodeView> nodes) {
        List<ScopeAssignment> result = new ArrayList<>(nodes.size());
        for (NodeView n : nodes) {
            String[] parts = InliningPrefix.strip(n.name()).split("/", -1);
            int start = 0;
            while (start < parts.length - 1 && parts[start].startsWith(CALL_WRAPPER)) {
                start++;
            }
            List<ScopeSegment> path = new ArrayList<>();
            for (int i = start; i < parts.length - 1; i++) {
                if (!parts[i].isEmpty()) {
                    path.add(ScopeSegment.named(parts[i]));
                }
            }
            result.add(new ScopeAssignment(ScopeDepth.limit(path), stripConverterSuffix(parts[parts.length - 1])));
        }
        return result;
    }

    /** {@code Conv2D__6} → {@code Conv2D}: the suffix only numbers nodes the converter inserted. */
    static String stripConverterSuffix(String name) {
        int cut = name.lastIndexOf("__");
        if (cut > 0 && cut + 2 < name.length() && name.substring(cut + 2).chars().allMatch(Character::isDigit)) {
            return name.substring(0, cut);
        }
        return name;
    }
}
