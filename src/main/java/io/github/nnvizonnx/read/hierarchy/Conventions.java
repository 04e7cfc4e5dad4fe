package io.github.nnvizonnx.read.hierarchy;

import java.util.List;
import java.util.Locale;

/** The known conventions by name, and the automatic choice for a file. */
public final class Conventions {
    /** The names {@code --hierarchy} accepts besides {@code auto}. */
    public static final List<String> NAMES = List.of("torch", "dynamo", "tf", "functions", "flat");

    private Conventions() {
    }

    /** The convention named {@code name} (one of {@link #NAMES}). */
    public static HierarchyConvention byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "torch" -> new TorchScopeConvention();
            case "dynamo" -> new DynamoMetadataConvention();
            case "tf" -> new TfScopeConvention();
            case "functions" -> new LocalFunctionConvention();
            case "flat" -> new FlatConvention();
            default -> throw new IllegalArgumentException("unknown hierarchy convention: " + name
                    + " (expected auto, " + String.join(", ", NAMES) + ")");
        };
    }

    /**
     * Picks the convention from the main graph's nodes: dynamo metadata wins; then names with a leading '/' (torch)
     * against names with inner '/' only (tf); functions when the file calls local functions; flat otherwise.
     */
    public static String detect(List<NodeView> nodes, boolean callsLocalFunctions) {
        int torchLike = 0;
        int tfLike = 0;
        for (NodeView n : nodes) {
            if (DynamoMetadataConvention.hasMetadata(n)) {
                return "dynamo";
            }
            String name = n.name();
            if (TorchScopeConvention.looksScoped(name)) {
                torchLike++;
            } else if (name.indexOf('/') > 0 && !name.endsWith("/")) {
                tfLike++;
            }
        }
        if (torchLike > 0 && torchLike >= tfLike) {
            return "torch";
        }
        if (tfLike > 0) {
            return "tf";
        }
        return callsLocalFunctions ? "functions" : "flat";
    }
}
