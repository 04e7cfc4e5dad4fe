package io.github.nnvizonnx.read.hierarchy;

import io.github.nnvizonnx.internal.Plugins;
import java.util.List;
import java.util.Locale;

/**
 * The installed conventions, and the automatic choice for a file. Conventions are plug-ins found with
 * {@link java.util.ServiceLoader}: this library's (torch, dynamo, tf, functions, flat) and any listed in
 * {@code META-INF/services/io.github.nnvizonnx.read.hierarchy.HierarchyConvention} of a jar on the class path.
 */
public final class Conventions {
    /** The name that asks for the convention to be detected per file. */
    public static final String AUTO = "auto";

    private Conventions() {
    }

    /** A fresh instance of every installed convention, in class-path order. */
    public static List<HierarchyConvention> installed() {
        return Plugins.installed(HierarchyConvention.class);
    }

    /** The names the installed conventions answer to, which {@code --hierarchy} accepts besides {@link #AUTO}. */
    public static List<String> names() {
        return installed().stream().map(HierarchyConvention::name).toList();
    }

    /** The installed convention named {@code name}, in any case; IllegalArgumentException when none is. */
    public static HierarchyConvention byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<HierarchyConvention> installed = installed();
        for (HierarchyConvention c : installed) {
            if (c.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown hierarchy convention '" + name + "' (expected " + AUTO + ", "
                + String.join(", ", installed.stream().map(HierarchyConvention::name).toList()) + ")");
    }

    /**
     * Picks the convention from the main graph's nodes: a convention that {@linkplain HierarchyConvention#recognises
     * recognises} them (a plug-in's) wins; then dynamo metadata; then names with a leading '/' (torch) against names
     * with inner '/' only (tf), both also behind a converter's {@linkplain InliningPrefix inlining prefix}; functions
     * when the file calls local functions; flat otherwise.
     */
    public static String detect(List<NodeView> nodes, boolean callsLocalFunctions) {
        return detect(nodes, callsLocalFunctions, false);
    }

    /**
     * {@link #detect(List, boolean)}, where {@code wholeModelIsOneCall} says that the main graph is one call of a
     * local function (torch's {@code export_modules_as_functions=True} makes the model's own class a function too):
     * then the hierarchy lies in the functions alone, whatever scope torch wrote into that one call's name
     * ({@code /fc/ResNet}), and the answer is functions unless a plug-in recognises the file.
     */
    public static String detect(List<NodeView> nodes, boolean callsLocalFunctions, boolean wholeModelIsOneCall) {
        for (HierarchyConvention c : installed()) {
            if (c.recognises(nodes)) {
                return c.name();
            }
        }
        return wholeModelIsOneCall ? "functions" : detectBuiltIn(nodes, callsLocalFunctions);
    }

    private static String detectBuiltIn(List<NodeView> nodes, boolean callsLocalFunctions) {
        int torchLike = 0;
        int tfLike = 0;
        for (NodeView n : nodes) {
            if (DynamoMetadataConvention.hasMetadata(n)) {
                return "dynamo";
            }
            String name = InliningPrefix.strip(n.name());
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
