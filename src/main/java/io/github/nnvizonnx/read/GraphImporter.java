package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.SparseTensorProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.read.hierarchy.HierarchyConvention;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import io.github.nnvizonnx.read.hierarchy.ScopeAssignment;
import io.github.nnvizonnx.read.hierarchy.ScopeSegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the graphs of a parsed model into nodes, edges, modules and weights. Reading happens in two phases: first
 * every node of every graph is created and registered as the producer of its outputs; then every input name is
 * resolved in its graph's scope. That tolerates files whose nodes are not topologically sorted.
 */
final class GraphImporter {
    /** Function calls nested deeper than this are drawn as plain operations. */
    private static final int MAX_CALL_DEPTH = 32;

    private record Pending(Node consumer, String tensorName, TensorScope scope) {
    }

    private record EdgeDraft(String from, String to, TensorInfo tensor) {
    }

    private final HierarchyConvention convention;
    private final boolean functionCallsAreModules;
    private final Map<String, FunctionProto> functions = new HashMap<>();
    private final Map<ModulePath, Module> modules = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<EdgeDraft> edges = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<TensorScope.Weight> weights = new ArrayList<>();
    private final Map<String, InputNode> missingInputs = new HashMap<>();
    private final Deque<String> callStack = new ArrayDeque<>();
    /** Constant-like operations that were placed with their consumers. */
    private final java.util.Set<String> movedConstants = new java.util.HashSet<>();
    /** Ids of operations without bodies: the candidates for being constant-like. */
    private final java.util.Set<String> plainOperations = new java.util.LinkedHashSet<>();
    private TensorScope mainScope;
    private int nextId;

    GraphImporter(HierarchyConvention convention, boolean functionCallsAreModules, List<FunctionProto> localFunctions) {
        this.convention = convention;
        this.functionCallsAreModules = functionCallsAreModules;
        for (FunctionProto f : localFunctions) {
            functions.putIfAbsent(functionKey(f.getDomain(), f.getName(), f.getOverload()), f);
        }
    }

    /** {@code views}: the main graph's nodes as {@link #views} sees them (computed once by the caller). */
    ModelGraph importMain(GraphContent graph, List<NodeView> views, ModelInfo info) {
        String rootClass = convention.rootClassName(views);
        modules.put(ModulePath.ROOT, new Module(ModulePath.ROOT, graph.name(), shortClass(rootClass), rootClass,
                ModuleKind.MODULE, 0));
        mainScope = TensorScope.main();
        importGraph(graph, views, ModulePath.ROOT, mainScope, null);
        resolvePending();
        placeConstantsWithConsumers();
        List<Parameter> parameters = attributeWeights();
        return assemble(info, parameters);
    }

    static boolean callsLocalFunctions(List<NodeProto> nodes, List<FunctionProto> localFunctions) {
        if (localFunctions.isEmpty()) {
            return false;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (FunctionProto f : localFunctions) {
            keys.add(functionKey(f.getDomain(), f.getName(), f.getOverload()));
        }
        for (NodeProto n : nodes) {
            if (keys.contains(functionKey(n.getDomain(), n.getOpType(), n.getOverload()))) {
                return true;
            }
        }
        return false;
    }

    static List<NodeView> views(List<NodeProto> protos) {
        List<NodeView> views = new ArrayList<>(protos.size());
        for (NodeProto n : protos) {
            Map<String, String> metadata = new HashMap<>();
            for (StringStringEntryProto e : n.getMetadataPropsList()) {
                metadata.put(e.getKey(), e.getValue());
            }
            views.add(new NodeView(n.getName(), n.getOpType(), n.getDomain(), metadata));
        }
        return views;
    }

    // ---- phase 1: nodes and producers

    private void importGraph(GraphContent graph, List<NodeView> views, ModulePath base, TensorScope scope,
                             Node feeder) {
        declareAll(scope, graph.inputs());
        declareAll(scope, graph.outputs());
        declareAll(scope, graph.valueInfo());
        for (TensorProto t : graph.initializers()) {
            addWeight(scope, t.getName(), t.getDataType(), t.getDimsList());
        }
        for (SparseTensorProto t : graph.sparseInitializers()) {
            String name = t.getValues().getName();
            addWeight(scope, name, t.getValues().getDataType(), t.getDimsList());
        }
        for (ValueInfoProto input : graph.inputs()) {
            String name = input.getName();
            if (name.isEmpty() || scope.isWeight(name)) {
                continue;
            }
            InputNode node = new InputNode(newId(), scope.resolve(name).declared(), base);
            add(node);
            scope.produce(name, node);
            if (feeder != null) {
                edges.add(new EdgeDraft(feeder.id(), node.id(), node.tensor()));
            }
        }
        importNodes(graph.nodes(), views, base, scope, 0);
        for (ValueInfoProto output : graph.outputs()) {
            TensorInfo declared = scope.resolve(output.getName()).declared();
            OutputNode node = new OutputNode(newId(), declared != null ? declared : TensorInfo.named(output.getName()),
                    base);
            add(node);
            pending.add(new Pending(node, output.getName(), scope));
        }
    }

    private void importNodes(List<NodeProto> protos, List<NodeView> views, ModulePath base, TensorScope scope,
                             int callDepth) {
        List<ScopeAssignment> assignments = convention.assign(views);
        for (int i = 0; i < protos.size(); i++) {
            NodeProto proto = protos.get(i);
            ScopeAssignment assignment = assignments.get(i);
            FunctionProto function = calledFunction(proto, callDepth);
            if (function != null) {
                inlineCall(proto, function, callPath(base, assignments, i, function), scope, callDepth);
            } else {
                importOperation(proto, ensureModules(base, assignment.path()), assignment.shortName(), scope);
            }
        }
    }

    /**
     * Where a function call sits. torch names a call after the scope of the last op traced inside it (the layer1
     * call is {@code /layer1/layer1.1/relu/Sequential.1}), so the call's own module is the shortest prefix of its
     * scope that no other node of the graph shares; without such a prefix (or without a scope) the call becomes a
     * child named after the function's class.
     */
    private ModulePath callPath(ModulePath base, List<ScopeAssignment> assignments, int index,
                                FunctionProto function) {
        List<ScopeSegment> path = assignments.get(index).path();
        for (int length = 1; length <= path.size(); length++) {
            List<ScopeSegment> prefix = path.subList(0, length);
            if (!sharedByAnother(assignments, index, prefix)) {
                ModulePath parent = ensureModules(base, prefix.subList(0, length - 1));
                return uniqueChild(parent, prefix.get(length - 1).name());
            }
        }
        return uniqueChild(ensureModules(base, path), classBaseName(function.getName()));
    }


    private static boolean sharedByAnother(List<ScopeAssignment> assignments, int index, List<ScopeSegment> prefix) {
        for (int j = 0; j < assignments.size(); j++) {
            List<ScopeSegment> other = assignments.get(j).path();
            if (j != index && other.size() >= prefix.size() && namesEqual(other.subList(0, prefix.size()), prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesEqual(List<ScopeSegment> a, List<ScopeSegment> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** torch numbers variants of one class {@code BasicBlock.1}; the class is what people know. */
    static String classBaseName(String functionName) {
        int dot = functionName.lastIndexOf('.');
        if (dot > 0 && dot + 1 < functionName.length()
                && functionName.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return functionName.substring(0, dot);
        }
        return functionName;
    }

    private void importOperation(NodeProto proto, ModulePath path, String shortName, TensorScope scope) {
        List<AttributeProto> bodies = proto.getAttributeList().stream()
                .filter(a -> a.hasG() || a.getGraphsCount() > 0).toList();
        ModulePath scopePath = path;
        if (!bodies.isEmpty()) {
            String name = shortName.isEmpty() ? proto.getOpType() : shortName;
            scopePath = register(uniqueChild(path, name), proto.getOpType(), null, ModuleKind.CONTROL_FLOW);
        }
        OperationNode node = new OperationNode(newId(), proto.getName(), proto.getOpType(), proto.getDomain(),
                AttributeSummaries.of(proto.getAttributeList()), scopePath, 0);
        add(node);
        if (bodies.isEmpty()) {
            plainOperations.add(node.id());
        }
        for (String output : proto.getOutputList()) {
            scope.produce(output, node);
        }
        for (String input : proto.getInputList()) {
            if (!input.isEmpty()) {
                pending.add(new Pending(node, input, scope));
            }
        }
        for (AttributeProto attribute : bodies) {
            if (attribute.hasG()) {
                importBody(attribute.getG(), scopePath, attribute.getName(), scope, node);
            }
            for (int g = 0; g < attribute.getGraphsCount(); g++) {
                importBody(attribute.getGraphs(g), scopePath, attribute.getName() + "[" + g + "]", scope, node);
            }
        }
    }

    private void importBody(GraphProto body, ModulePath region, String branchName, TensorScope outer, Node owner) {
        ModulePath branch = register(uniqueChild(region, branchName), null, null, ModuleKind.BRANCH);
        importGraph(GraphContent.of(body), views(body.getNodeList()), branch, outer.nested(), owner);
    }

    private void inlineCall(NodeProto call, FunctionProto function, ModulePath wantedPath, TensorScope scope,
                            int callDepth) {
        String className = classBaseName(function.getName());
        String qualified = function.getDomain().isEmpty() ? className : function.getDomain() + "." + className;
        ModulePath callPath = register(wantedPath, className, qualified, ModuleKind.FUNCTION);
        Map<String, String> formalToActual = new HashMap<>();
        for (int i = 0; i < function.getInputCount() && i < call.getInputCount(); i++) {
            if (!call.getInput(i).isEmpty()) {
                formalToActual.put(function.getInput(i), call.getInput(i));
            }
        }
        TensorScope body = scope.function(formalToActual);
        declareAll(body, function.getValueInfoList());
        String key = functionKey(function.getDomain(), function.getName(), function.getOverload());
        callStack.push(key);
        importNodes(function.getNodeList(), views(function.getNodeList()), callPath, body, callDepth + 1);
        callStack.pop();
        for (int i = 0; i < function.getOutputCount() && i < call.getOutputCount(); i++) {
            Node producer = body.resolve(function.getOutput(i)).producer();
            if (producer != null) {
                scope.produce(call.getOutput(i), producer);
            }
        }
    }

    private FunctionProto calledFunction(NodeProto proto, int callDepth) {
        if (!functionCallsAreModules || functions.isEmpty() || callDepth >= MAX_CALL_DEPTH) {
            return null;
        }
        String key = functionKey(proto.getDomain(), proto.getOpType(), proto.getOverload());
        return callStack.contains(key) ? null : functions.get(key);
    }

    // ---- phase 2: edges

    private void resolvePending() {
        for (Pending p : pending) {
            TensorScope.Resolution r = p.scope().resolve(p.tensorName());
            TensorInfo tensor = r.declared() != null ? r.declared() : TensorInfo.named(p.tensorName());
            if (r.producer() != null) {
                edges.add(new EdgeDraft(r.producer().id(), p.consumer().id(), tensor));
            } else if (r.weight() != null) {
                r.weight().consumers.add(p.consumer());
            } else if (p.scope() == mainScope) {
                // Consumed but never produced nor declared: show where the data would have to come from.
                InputNode source = missingInputs.computeIfAbsent(p.tensorName(), n -> {
                    InputNode created = new InputNode(newId(), tensor, ModulePath.ROOT);
                    add(created);
                    return created;
                });
                edges.add(new EdgeDraft(source.id(), p.consumer().id(), tensor));
            }
        }
        pending.clear();
    }

    // ---- passes over the drafted graph

    /**
     * Constant-like operations compute from weights and other constants only (Constant, an Identity or Cast of a
     * weight, a DequantizeLinear of weights). Each moves to the deepest module containing all its consumers;
     * consumers are placed before their producers so that chains (Constant, then Cast, then Conv) move together.
     */
    private void placeConstantsWithConsumers() {
        Map<String, List<String>> sources = new HashMap<>();
        Map<String, List<String>> targets = new HashMap<>();
        for (EdgeDraft e : edges) {
            sources.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            targets.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        List<String> order = constantLikeInDiscoveryOrder(sources, targets);
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            ModulePath common = null;
            for (String consumer : targets.getOrDefault(id, List.of())) {
                ModulePath s = nodes.get(consumer).scope();
                common = common == null ? s : common.commonAncestor(s);
            }
            if (common != null) {
                nodes.put(id, nodes.get(id).withScope(common));
                movedConstants.add(id);
            }
        }
    }

    private List<String> constantLikeInDiscoveryOrder(Map<String, List<String>> sources,
                                                      Map<String, List<String>> targets) {
        Map<String, Integer> unresolvedInputs = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : plainOperations) {
            int count = sources.getOrDefault(id, List.of()).size();
            unresolvedInputs.put(id, count);
            if (count == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String consumer : targets.getOrDefault(id, List.of())) {
                Integer left = unresolvedInputs.get(consumer);
                if (left != null) {
                    unresolvedInputs.put(consumer, left - 1);
                    if (left - 1 == 0) {
                        ready.add(consumer);
                    }
                }
            }
        }
        return order;
    }

    /** Each weight belongs to the deepest module containing its consumers; a weight read by one node counts there. */
    private List<Parameter> attributeWeights() {
        List<Parameter> parameters = new ArrayList<>(weights.size());
        Map<String, Long> perNode = new HashMap<>();
        for (TensorScope.Weight w : weights) {
            ModulePath scope = null;
            for (Node consumer : w.consumers) {
                ModulePath s = nodes.get(consumer.id()).scope();
                scope = scope == null ? s : scope.commonAncestor(s);
            }
            Parameter p = new Parameter(w.name, w.elementType, w.dims, scope == null ? ModulePath.ROOT : scope);
            parameters.add(p);
            if (w.consumers.size() == 1) {
                perNode.merge(w.consumers.get(0).id(), p.count(), DisplayText::saturatingAdd);
            }
        }
        perNode.forEach((id, count) -> {
            if (nodes.get(id) instanceof OperationNode op) {
                nodes.put(id, op.withParameterCount(count));
            }
        });
        return parameters;
    }

    private ModelGraph assemble(ModelInfo info, List<Parameter> parameters) {
        java.util.Set<ModulePath> used = new java.util.HashSet<>();
        for (Node n : nodes.values()) {
            for (int i = 0; i <= n.scope().length(); i++) {
                used.add(n.scope().prefix(i));
            }
        }
        Map<ModulePath, Long> totals = new HashMap<>();
        for (Parameter p : parameters) {
            for (int i = 0; i <= p.scope().length(); i++) {
                totals.merge(p.scope().prefix(i), p.count(), DisplayText::saturatingAdd);
            }
        }
        List<Module> kept = new ArrayList<>();
        for (Module m : modules.values()) {
            if (m.path().isRoot() || used.contains(m.path())) {
                kept.add(m.withParameterCount(totals.getOrDefault(m.path(), 0L)));
            }
        }
        ModelGraph.Builder builder = new ModelGraph.Builder(info);
        drawingOrder().forEach(builder::addNode);
        for (EdgeDraft e : edges) {
            builder.addEdge(nodes.get(e.from()), nodes.get(e.to()), e.tensor());
        }
        return builder.modules(kept).parameters(parameters).build();
    }

    /**
     * The file's node order, except that constant-like nodes come just before their first consumer: layouts follow
     * declaration order, and a weight's Identity listed at the top of the file would otherwise drag its module there.
     */
    private List<Node> drawingOrder() {
        Map<String, List<String>> producersOf = new HashMap<>();
        Map<String, Integer> consumerCount = new HashMap<>();
        for (EdgeDraft e : edges) {
            if (movedConstants.contains(e.from())) {
                producersOf.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
                consumerCount.merge(e.from(), 1, Integer::sum);
            }
        }
        List<Node> order = new ArrayList<>(nodes.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (String id : nodes.keySet()) {
            if (!consumerCount.containsKey(id)) {
                placeAfterProducers(id, producersOf, placed, order);
            }
        }
        for (String id : nodes.keySet()) {
            placeAfterProducers(id, producersOf, placed, order); // constants in cycles, if any
        }
        return order;
    }

    private void placeAfterProducers(String id, Map<String, List<String>> producersOf, java.util.Set<String> placed,
                                     List<Node> order) {
        Deque<String> stack = new ArrayDeque<>();
        stack.push(id);
        while (!stack.isEmpty()) {
            String current = stack.peek();
            if (placed.contains(current)) {
                stack.pop();
                continue;
            }
            String next = null;
            for (String p : producersOf.getOrDefault(current, List.of())) {
                if (!placed.contains(p) && !stack.contains(p)) {
                    next = p;
                    break;
                }
            }
            if (next != null) {
                stack.push(next);
            } else {
                stack.pop();
                placed.add(current);
                order.add(nodes.get(current));
            }
        }
    }

    // ---- helpers

    private ModulePath ensureModules(ModulePath base, List<ScopeSegment> relative) {
        ModulePath path = base;
        for (ScopeSegment s : relative) {
            path = path.child(s.name());
            Module existing = modules.get(path);
            if (existing == null) {
                modules.put(path, new Module(path, s.name(), s.className(), s.qualifiedClassName(),
                        ModuleKind.MODULE, 0));
            } else if (existing.className() == null && s.className() != null) {
                modules.put(path, existing.withClassName(s.className(), s.qualifiedClassName()));
            }
        }
        return path;
    }

    private ModulePath register(ModulePath path, String className, String qualifiedClassName, ModuleKind kind) {
        modules.put(path, new Module(path, path.last(), className, qualifiedClassName, kind, 0));
        return path;
    }

    /** A child name not yet taken; repeats are numbered as torch numbers repeated calls ({@code If_1}). */
    private ModulePath uniqueChild(ModulePath parent, String wanted) {
        String name = wanted.isEmpty() ? "?" : wanted;
        ModulePath candidate = parent.child(name);
        for (int k = 1; modules.containsKey(candidate); k++) {
            candidate = parent.child(name + "_" + k);
        }
        return candidate;
    }

    private void addWeight(TensorScope scope, String name, int dataType, List<Long> dims) {
        if (name.isEmpty()) {
            return;
        }
        TensorScope.Weight w = new TensorScope.Weight(name, DataTypes.elementName(dataType), dims);
        scope.addWeight(w);
        scope.declare(name, w.elementType, io.github.nnvizonnx.model.Shape.of(
                dims.stream().mapToLong(Long::longValue).toArray()));
        weights.add(w);
    }

    private static void declareAll(TensorScope scope, List<ValueInfoProto> values) {
        for (ValueInfoProto v : values) {
            if (v.hasType()) {
                scope.declare(v.getName(), DataTypes.typeName(v.getType()), DataTypes.shape(v.getType()));
            } else {
                scope.declare(v.getName(), null, null);
            }
        }
    }

    private void add(Node node) {
        nodes.put(node.id(), node);
    }

    private String newId() {
        return "n" + nextId++;
    }

    private static String functionKey(String domain, String name, String overload) {
        return domain + "\u0000" + name + "\u0000" + overload;
    }

    private static String shortClass(String qualified) {
        return qualified == null ? null : new ScopeSegment("", qualified).className();
    }
}
