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
 * operations the model holds once every call of a local function is expanded, as onnxruntime loads it (saturating at
 * {@link Long#MAX_VALUE}); it can exceed the operation nodes of the graph, whose calls the reader may have left
 * unexpanded. 0 when the reader did not count them (a JSON model, a graph built by hand); see
 * {@link ModelGraph#expandedOperationCount()}. {@code externalDataExtents}: for each location of external data, the
 * bytes its file must hold for the tensors the model puts there (the furthest offset + length).
 */
public record ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                        Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy,
                        List<String> externalData, List<String> warnings, long expandedOperations,
                        Map<String, Long> externalDataExtents) {
    public ModelInfo {
        externalDataExtents = ordered(externalDataExtents);
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

    /** A model whose weights all sit inside the file, read without warnings. */
    public ModelInfo(String source, long irVersion, String producerName, String producerVersion,
                     Map<String, Long> opsets, Map<String, String> metadata, String graphName, String hierarchy) {
        this(source, irVersion, producerName, producerVersion, opsets, metadata, graphName, hierarchy, List.of(),
                List.of(), 0, Map.of());
    }

    /** The same info, read with convention {@code newHierarchy}. */
    public ModelInfo withHierarchy(String newHierarchy) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                newHierarchy, externalData, warnings, expandedOperations, externalDataExtents);
    }

    /** The same info, with the files of external data and warnings about them. */
    public ModelInfo withExternalData(List<String> locations, List<String> newWarnings) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, locations, newWarnings, expandedOperations, externalDataExtents);
    }

    /** The same info, with {@code count} operations once local function calls are expanded. */
    public ModelInfo withExpandedOperations(long count) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, externalData, warnings, count, externalDataExtents);
    }

    /** The same info, with the bytes each external data file must hold. */
    public ModelInfo withExternalDataExtents(Map<String, Long> extents) {
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, externalData, warnings, expandedOperations, extents);
    }

    /** The same info, with one more warning line. */
    public ModelInfo withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new ModelInfo(source, irVersion, producerName, producerVersion, opsets, metadata, graphName,
                hierarchy, externalData, more, expandedOperations, externalDataExtents);
    }
}
