package io.github.nnvizonnx.read.hierarchy;

import java.util.Map;

/** What a naming convention may look at of a node: its name, op type, domain and metadata_props. */
public record NodeView(String name, String opType, String domain, Map<String, String> metadata) {
    public NodeView {
        metadata = Map.copyOf(metadata);
    }
}
