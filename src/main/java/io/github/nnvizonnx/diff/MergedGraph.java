package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The new model with what the old one had and the new one lacks put back as ghosts where it was: a removed module
 * under the new counterpart of its old parent, after the counterpart of the module that preceded it; a removed node
 * after the counterpart of the node that preceded it in the old graph, inside the counterpart of its old module; and
 * the old edges that touch a ghost, joined to the new counterparts of their other ends.
 */
final class MergedGraph {
    /** What ghost ids start with; a new node already so named pushes them further ({@link #ghostId}). */
    private static final String GHOST_PREFIX = "removed:";

    private final ModelGraph old;
    private final ModelGraph neu;
    private final ModuleMatching modules;
    private final NodeMatching nodes;
    /** The old modules removed, by their old path: their path in the merged tree. */
    private final Map<ModulePath, ModulePath> ghostModules = new LinkedHashMap<>();
    /** The old nodes removed: their ghosts. */
    private final Map<Node, Node> ghosts = new IdentityHashMap<>();
    private final Set<String> newIds = new HashSet<>();
    private final Set<ModulePath> takenPaths = new HashSet<>();

    private MergedGraph(ModelGraph old, ModelGraph neu, ModuleMatching modules, NodeMatching nodes) {
        this.old = old;
        this.neu = neu;
        this.modules = modules;
        this.nodes = nodes;
    }

    /** The merged model and where its ghosts came from. */
    record Merged(ModelGraph model, Set<ModulePath> ghostModules, Set<Node> ghostNodes) {
    }

    static Merged of(ModelGraph old, ModelGraph neu, ModuleMatching modules, NodeMatching nodes) {
        return new MergedGraph(old, neu, modules, nodes).build();
    }

    private Merged build() {
        for (Node n : neu.nodes()) {
            newIds.add(n.id());
        }
        for (Module m : neu.modules().all()) {
            takenPaths.add(m.path());
        }
        ModelGraph.Builder merged = new ModelGraph.Builder(neu.info(), neu.nodeNumbers(),
                neu.graph().edgeSet().size());
        merged.modules(mergedModules());
        int number = 0;
        Map<Node, List<Node>> ghostsAfter = ghostNodesByAnchor();
        for (Node ghost : ghostsAfter.getOrDefault(null, List.of())) {
            merged.addNode(ghost).fixedInputs(number++, null);
        }
        for (Node n : neu.nodes()) {
            merged.addNode(n).fixedInputs(number++, neu.fixedInputs(n));
            for (Node ghost : ghostsAfter.getOrDefault(n, List.of())) {
                merged.addNode(ghost);
                number++;
            }
        }
        for (TensorEdge e : neu.graph().edgeSet()) {
            merged.addEdge(neu.graph().getEdgeSource(e), neu.graph().getEdgeTarget(e), e.tensor(), e.isTopLevel());
        }
        for (TensorEdge e : old.graph().edgeSet()) {
            Node from = old.graph().getEdgeSource(e);
            Node to = old.graph().getEdgeTarget(e);
            if (ghosts.containsKey(from) || ghosts.containsKey(to)) {
                merged.addEdge(inMerged(from), inMerged(to), e.tensor(), e.isTopLevel());
            }
        }
        List<Parameter> parameters = new ArrayList<>(neu.parameters());
        for (Parameter p : old.parameters()) {
            ModulePath ghostScope = ghostModules.get(p.scope());
            if (ghostScope != null) {
                parameters.add(p.inScope(ghostScope));
            }
        }
        merged.parameters(parameters);
        return new Merged(merged.build(), Set.copyOf(ghostModules.values()),
                Set.copyOf(ghosts.values()));
    }

    private Node inMerged(Node oldNode) {
        Node ghost = ghosts.get(oldNode);
        return ghost != null ? ghost : nodes.newOf(oldNode);
    }

    /** The new modules in order, each removed one after the counterpart of the old module before it. */
    private List<Module> mergedModules() {
        Map<ModulePath, List<Module>> after = new HashMap<>();
        ModulePath anchor = ModulePath.ROOT;
        for (Module m : old.modules().all()) {
            ModulePath counterpart = modules.newOf(m.path());
            if (counterpart != null) {
                anchor = counterpart;
            } else {
                ModulePath ghostPath = place(m.path());
                after.computeIfAbsent(anchor, a -> new ArrayList<>()).add(m.at(ghostPath));
            }
        }
        List<Module> merged = new ArrayList<>(neu.modules().size() + ghostModules.size());
        for (Module m : neu.modules().all()) {
            merged.add(m);
            merged.addAll(after.getOrDefault(m.path(), List.of()));
        }
        return merged;
    }

    /** The path in the merged tree of an old module: its counterpart's, or a ghost's under its parent's. */
    private ModulePath place(ModulePath oldPath) {
        if (oldPath.isRoot()) {
            return ModulePath.ROOT;
        }
        ModulePath counterpart = modules.newOf(oldPath);
        if (counterpart != null) {
            return counterpart;
        }
        ModulePath known = ghostModules.get(oldPath);
        if (known != null) {
            return known;
        }
        ModulePath parent = place(oldPath.parent());
        String name = oldPath.last();
        ModulePath path = parent.child(name);
        while (!takenPaths.add(path)) {
            name += "′"; // a new module took the name: the ghost is told apart by a prime
            path = parent.child(name);
        }
        ghostModules.put(oldPath, path);
        return path;
    }

    /**
     * The ghosts of the removed old nodes, grouped by the new node they follow: the counterpart of the last matched
     * node before them in the old graph (null for those before any).
     */
    private Map<Node, List<Node>> ghostNodesByAnchor() {
        Map<Node, List<Node>> after = new HashMap<>();
        Node anchor = null;
        for (Node n : old.nodes()) {
            Node counterpart = nodes.newOf(n);
            if (counterpart != null) {
                anchor = counterpart;
            } else {
                Node ghost = ghostOf(n);
                ghosts.put(n, ghost);
                after.computeIfAbsent(anchor, a -> new ArrayList<>()).add(ghost);
            }
        }
        return after;
    }

    private Node ghostOf(Node n) {
        String id = ghostId(n.id());
        ModulePath scope = place(n.scope());
        if (n instanceof OperationNode op) {
            return new OperationNode(id, op.name(), op.opType(), op.domain(), op.attributes(), scope,
                    op.parameterCount());
        }
        if (n instanceof InputNode in) {
            return new InputNode(id, in.tensor(), scope, in.label());
        }
        if (n instanceof OutputNode out) {
            return new OutputNode(id, out.tensor(), scope, out.label());
        }
        ModuleNode m = (ModuleNode) n;
        return new ModuleNode(id, m.module().at(place(m.module().path())), scope, m.parameterCount(),
                m.operationCount(), m.opTypes());
    }

    private String ghostId(String oldId) {
        String id = GHOST_PREFIX + oldId;
        while (newIds.contains(id)) {
            id = GHOST_PREFIX + id;
        }
        return id;
    }
}
