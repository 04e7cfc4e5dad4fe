package io.github.nnvizonnx.model;

import java.util.Map;

/**
 * Facts about the model as a whole. {@code hierarchy} names the naming convention the module tree was rebuilt from
 * ({@code torch}, {@code dynamo}, {@code tf}, {@code functions}, {@code flat}).
 */
public record ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                        Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy) {
    public ModelInfo {
        opsets = Map.copyOf(opsets);
        metadata = Map.copyOf(metadata);
    }

    public ModelInfo withHierarchy(String newHierarchy) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                newHierarchy);
    }
}
