package io.github.nnvizonnx.model;

import java.util.List;
import java.util.Map;

/**
 * Facts about the model as a whole. {@code hierarchy} names the naming convention the module tree was rebuilt from
 * ({@code torch}, {@code dynamo}, {@code tf}, {@code functions}, {@code flat}). {@code externalData} lists, once
 * each and as the file writes them, the locations of the files that hold weights outside the model file (relative
 * to the model's folder when the file is well-formed). {@code warnings}: what the reader noticed that the user should
 * know, one line each (external data at locations that would be refused, say).
 */
public record ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                        Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy,
                        List<String> externalData, List<String> warnings) {
    public ModelInfo {
        opsets = Map.copyOf(opsets);
        metadata = Map.copyOf(metadata);
        externalData = List.copyOf(externalData);
        warnings = List.copyOf(warnings);
    }

    /** A model whose weights all sit inside the file, read without warnings. */
    public ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                     Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy) {
        this(source, irVersion, producerName, producerVersion, opsets, metadata, graphName, hierarchy, List.of(),
                List.of());
    }

    public ModelInfo withHierarchy(String newHierarchy) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                newHierarchy, externalData, warnings);
    }

    public ModelInfo withExternalData(List<String> locations, List<String> newWarnings) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, locations, newWarnings);
    }
}
