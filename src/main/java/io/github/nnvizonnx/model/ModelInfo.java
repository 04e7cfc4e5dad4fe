package io.github.nnvizonnx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Facts about the model as a whole. {@code hierarchy} names the naming convention the module tree was rebuilt from
 * ({@code torch}, {@code dynamo}, {@code tf}, {@code functions}, {@code flat}). {@code externalData} lists, once
 * each and as the file writes them, the locations of the files that hold weights outside the model file (relative
 * to the model's folder when the file is well-formed). {@code warnings}: what the reader noticed that the user should
 * know, one line each (external data at locations that would be refused, say). {@code expandedOperations}: how many
 * operations a runtime executes once every call of a local function is replaced by the function's body (a call drawn
 * as one box may stand for millions); -1 when the file calls no local function (or it was not counted), and then the
 * graph's own operations are that number.
 */
public record ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                        Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy,
                        List<String> externalData, List<String> warnings, long expandedOperations) {
    public ModelInfo {
        opsets = ordered(opsets);
        metadata = ordered(metadata);
        externalData = List.copyOf(externalData);
        warnings = List.copyOf(warnings);
    }

    /**
     * A read-only copy in the given order: {@code Map.copyOf} would iterate in an order that changes from one run to
     * the next, and so would every output listing the map. Nulls are refused, as by {@code Map.copyOf}.
     */
    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Info without a count of expanded operations. */
    public ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                     Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy,
                     List<String> externalData, List<String> warnings) {
        this(source, irVersion, producerName, producerVersion, opsets, metadata, graphName, hierarchy, externalData,
                warnings, -1);
    }

    /** A model whose weights all sit inside the file, read without warnings. */
    public ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                     Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy) {
        this(source, irVersion, producerName, producerVersion, opsets, metadata, graphName, hierarchy, List.of(),
                List.of());
    }

    /** The same info, read with convention {@code newHierarchy}. */
    public ModelInfo withHierarchy(String newHierarchy) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                newHierarchy, externalData, warnings, expandedOperations);
    }

    /** The same info, with the files of external data and warnings about them. */
    public ModelInfo withExternalData(List<String> locations, List<String> newWarnings) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, locations, newWarnings, expandedOperations);
    }

    /** The same info, with {@code count} operations once local functions are expanded. */
    public ModelInfo withExpandedOperations(long count) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, externalData, warnings, count);
    }
}
