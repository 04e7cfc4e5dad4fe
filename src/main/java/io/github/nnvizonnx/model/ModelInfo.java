package io.github.nnvizonnx.model;

import java.util.List;
import java.util.Map;

/**
 * Facts about the model as a whole. {@code hierarchy} names the naming convention the module tree was rebuilt from
 * ({@code torch}, {@code dynamo}, {@code tf}, {@code functions}, {@code flat}). {@code warnings}: what the reader
 * noticed that the user should know, one line each (external data at locations that would be refused, say).
 */
public record ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                        Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy,
                        List<String> warnings) {
    public ModelInfo {
        opsets = Map.copyOf(opsets);
        metadata = Map.copyOf(metadata);
        warnings = List.copyOf(warnings);
    }

    /** Without warnings. */
    public ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                     Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy) {
        this(source, irVersion, producerName, producerVersion, opsets, metadata, graphName, hierarchy, List.of());
    }

    public ModelInfo withHierarchy(String newHierarchy) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                newHierarchy, warnings);
    }

    public ModelInfo withWarnings(List<String> newWarnings) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, newWarnings);
    }
}
