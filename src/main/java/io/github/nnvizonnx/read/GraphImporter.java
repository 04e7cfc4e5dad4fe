package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.FixedInputs;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Turns the graphs of a parsed model into nodes, edges, modules and weights. Reading happens in two phases: first
 * every node of every graph is drafted (by index, in {@link GraphDraft}) and registered as the producer of its
 * outputs; then every input name is resolved in its graph's scope. That tolerates files whose nodes are not
 * topologically sorted. A drafted operation may get its module later ({@link DeferredScopes}), and becomes a node
 * only when the graph is built, with its final module and parameter count.
 */
final class GraphImporter {
    /** Graphs with this many nodes or more are read with two threads. */
    static final int PARALLEL_FROM = 20_000;

    /** Tensors read by nodes, resolved once every producer is known: consumer, scope, number in that scope. */
    private static final class Pending {
        private int[] consumers = new int[1024];
        private int[] ids = new int[1024];
        private TensorScope[] scopes = new TensorScope[1024];
        private int size;

        /** {@code consumer}: the draft index of the reading node. */
        void add(int consumer, TensorScope scope, int id) {
            if (size == ids.length) {
                consumers = java.util.Arrays.copyOf(consumers, 2 * size);
                ids = java.util.Arrays.copyOf(ids, 2 * size);
                scopes = java.util.Arrays.copyOf(scopes, 2 * size);
            }
            consumers[size] = consumer;
            ids[size] = id;
            scopes[size] = scope;
            size++;
        }
    }

    private final HierarchyConvention convention;
    /** Null when function calls are drawn as plain operations. */
    private final LocalFunctions functions;
    private final Map<ModulePath, Module> modules = new LinkedHashMap<>();
    /** Module paths already made for a (base, scope list) pair: the nodes of one scope share one list. */
    private final Map<ModulePath, Map<List<ScopeSegment>, ModulePath>> scopePaths = new HashMap<>();
    private GraphDraft draft;
    private final ExternalDataNotes externalData = new ExternalDataNotes();
    private final Interner<io.github.nnvizonnx.model.Shape> shapes = new Interner<>();
    /** Attribute summaries repeat over thousands of nodes (axis=1, value=int64[1]): each distinct list is kept once. */
    private final Interner<List<io.github.nnvizonnx.model.AttributeSummary>> attributeLists = new Interner<>();
    private final Pending pending = new Pending();
    private final List<TensorScope.Weight> weights = new ArrayList<>();
    /** Draft indices of the inputs made for names that are read but never produced. */
    private final Map<String, Integer> missingInputs = new HashMap<>();
    /** For {@link #uniqueChild}: the next repeat number to try for each wanted child. */
    private final Map<ModulePath, Integer> nextRepeat = new HashMap<>();
    private TensorScope mainScope;
    /** Work space of {@link #importOperation}: the name numbers of an operation's inputs (-1: left out). */
    private int[] inputIds = new int[8];
    /** By draft index: the main graph's operations that read a weight or such a constant (null: neither). */
    private FixedInputs[] fixedInputs = new FixedInputs[0];
    /** {@link #ensureModules}'s last question and answer. */
    private ModulePath lastBase;
    private List<ScopeSegment> lastRelative;
    private ModulePath lastPath;

    /** {@code functionCallsAreModules}: each call of a local function is a module holding the function's body. */
    GraphImporter(HierarchyConvention convention, boolean functionCallsAreModules, List<FunctionProto> localFunctions) {
        this.convention = convention;
        this.functions = functionCallsAreModules ? new LocalFunctions(localFunctions) : null;
    }

    /** {@code views}: the main graph's nodes as {@link #views} sees them (computed once by the caller). */
    ModelGraph importMain(GraphContent graph, List<NodeView> views, ModelInfo info) {
        String rootClass = convention.rootClassName(views);
        modules.put(ModulePath.ROOT, new Module(ModulePath.ROOT, graph.name(), shortClass(rootClass), rootClass,
                ModuleKind.MODULE, 0));
        // value_info mostly names node outputs: the larger of the two counts the names they make, not their sum
        mainScope = TensorScope.main(graph.inputs().size() + graph.outputs().size() + graph.initializers().size()
                + Math.max(graph.valueInfo().size(), graph.nodes().size()));
        draft = new GraphDraft(graph.inputs().size() + graph.nodes().size() + graph.outputs().size());
        importGraph(graph, views, ModulePath.ROOT, EnclosingScope.NONE, mainScope, -1);
        resolvePending();
        mainScope = null;
        draft.placeConstantsWithConsumers();
        List<Parameter> parameters = attributeWeights();
        return assemble(info, parameters);
    }

    /** What conventions see of each node; op types and domains are shared strings (a file repeats a few). */
    static List<NodeView> views(List<NodeProto> protos) {
        List<NodeView> views = new ArrayList<>(protos.size());
        Interner<String> words = new Interner<>();
        for (int i = 0; i < protos.size(); i++) {
            FastDecoders.NodeNames names = protos instanceof LazyMessages<NodeProto> lazy
                    ? lazy.decode(i, FastDecoders::nodeNames) : null;
            if (names != null) {
                views.add(new NodeView(names.name(), words.intern(names.opType()), words.intern(names.domain()),
                        Map.of()));
                continue;
            }
            NodeProto n = protos.get(i);
            Map<String, String> metadata = Map.of();
            if (n.getMetadataPropsCount() > 0) {
                metadata = new HashMap<>();
                for (StringStringEntryProto e : n.getMetadataPropsList()) {
                    metadata.put(e.getKey(), e.getValue());
                }
            }
            views.add(new NodeView(n.getName(), words.intern(n.getOpType()), words.intern(n.getDomain()), metadata));
        }
        return views;
    }

    // ---- phase 1: nodes and producers

    /** {@code feeder}: the draft index of the node whose inputs feed this graph's inputs, or -1. */
    private void importGraph(GraphContent graph, List<NodeView> views, ModulePath base, EnclosingScope enclosing,
                             TensorScope scope, int feeder) {
        // For a large graph the hierarchy is worked out on another core while its tensors and nodes are read.
        Future<List<ScopeAssignment>> assignments = views.size() >= PARALLEL_FROM
                ? ForkJoinPool.commonPool().submit(() -> convention.assign(views))
                : CompletableFuture.completedFuture(convention.assign(views));
        declareAll(scope, graph.inputs());
        declareAll(scope, graph.outputs());
        declareAll(scope, graph.valueInfo());
        List<TensorProto> initializers = graph.initializers();
        for (int i = 0; i < initializers.size(); i++) {
            FastDecoders.WeightHeader w = initializers instanceof LazyMessages<TensorProto> lazy
                    ? lazy.decode(i, FastDecoders::weightHeader) : null;
            if (w != null) {
                if (w.location() != null) {
                    externalData.note(w.name(), w.location());
                }
                addWeight(scope, w.name(), w.dataType(), w.dims());
                if (scope == mainScope && w.location() == null && IntegerConstants.isSmall(w.dataType(), w.dims())) {
                    noteIntegers(w.name(), IntegerConstants.of(initializers.get(i)));
                }
            } else {
                TensorProto t = initializers.get(i);
                externalData.note(t);
                addWeight(scope, t.getName(), t.getDataType(), t.getDimsList());
                if (scope == mainScope) {
                    noteIntegers(t.getName(), IntegerConstants.of(t));
                }
            }
        }
        for (SparseTensorProto t : graph.sparseInitializers()) {
            externalData.note(t.getValues());
            externalData.note(t.getIndices());
            String name = t.getValues().getName();
            addWeight(scope, name, t.getValues().getDataType(), t.getDimsList());
        }
        for (ValueInfoProto input : graph.inputs()) {
            String name = input.getName();
            if (name.isEmpty() || scope.isWeight(name)) {
                continue;
            }
            InputNode node = new InputNode(draft.nextId(), scope.resolve(name).declared(), base);
            int index = draft.add(node);
            scope.produce(name, index);
            if (feeder >= 0) {
                draft.addEdge(feeder, index, node.tensor(), false);
            }
        }
        importNodes(graph.nodes(), views, new DeferredScopes(assignments), base, enclosing, scope, 0);
        for (ValueInfoProto output : graph.outputs()) {
            TensorInfo declared = scope.resolve(output.getName()).declared();
            OutputNode node = new OutputNode(draft.nextId(),
                    declared != null ? declared : TensorInfo.named(output.getName()), base);
            pending.add(draft.add(node), scope, scope.id(output.getName()));
        }
    }

    /**
     * {@code views}: one per node, in the same order; {@code scopes}: their assignments, perhaps still being worked
     * out. A plain operation read before they are known gets its module later; modules are still made in node order.
     */
    private void importNodes(List<NodeProto> protos, List<NodeView> views, DeferredScopes scopes, ModulePath base,
                             EnclosingScope enclosing, TensorScope scope, int callDepth) {
        DeferredScopes.Placement placement = (index, a) -> draft.setScope(index,
                ensureModules(base, enclosing.within(a.path())));
        Map<List<String>, Integer> prefixCounts = null; // counted on the first call of a local function
        for (int i = 0; i < protos.size(); i++) {
            NodeWiring wiring = NodeWiring.of(protos, i);
            NodeView view = views.get(i);
            FunctionProto function = calledFunction(view, wiring, callDepth);
            List<AttributeProto> bodies = bodies(wiring);
            if (function == null && bodies.isEmpty() && !scopes.known()) {
                scopes.defer(i, importOperation(wiring, bodies, view, null, "", enclosing, scope));
                continue;
            }
            List<ScopeAssignment> assignments = scopes.assignments(placement);
            ScopeAssignment assignment = assignments.get(i);
            List<ScopeSegment> path = enclosing.within(assignment.path());
            if (function != null) {
                prefixCounts = prefixCounts != null ? prefixCounts : prefixCounts(assignments);
                inlineCall(wiring, function, callPath(base, path, prefixCounts, function), scope, callDepth);
            } else {
                importOperation(wiring, bodies, view, ensureModules(base, path), assignment.shortName(),
                        bodies.isEmpty() ? enclosing : enclosing.inside(path), scope);
            }
        }
        scopes.assignments(placement);
    }

    /** The attributes of a node that hold graphs (the bodies of If, Loop, Scan and the like). */
    private static List<AttributeProto> bodies(NodeWiring wiring) {
        List<AttributeProto> bodies = List.of();
        for (AttributeProto a : wiring.attributes()) {
            if (a.hasG() || a.getGraphsCount() > 0) {
                bodies = bodies.isEmpty() ? new ArrayList<>() : bodies;
                bodies.add(a);
            }
        }
        return bodies;
    }

    /**
     * Where a function call sits. torch names a call after the scope of the last op traced inside it (the layer1
     * call is {@code /layer1/layer1.1/relu/Sequential.1}), so the call's own module is the shortest prefix of its
     * scope that no other node of the graph shares; without such a prefix (or without a scope) the call becomes a
     * child named after the function's class.
     */
    private ModulePath callPath(ModulePath base, List<ScopeSegment> path, Map<List<String>, Integer> prefixCounts,
                                FunctionProto function) {
        List<String> names = new ArrayList<>(path.size());
        for (int length = 1; length <= path.size(); length++) {
            names.add(path.get(length - 1).name());
            if (prefixCounts.getOrDefault(names, 0) < 2) { // the call itself is the only node under this prefix
                ModulePath parent = ensureModules(base, path.subList(0, length - 1));
                return uniqueChild(parent, path.get(length - 1).name());
            }
        }
        return uniqueChild(ensureModules(base, path), LocalFunctions.classBaseName(function.getName()));
    }

    /**
     * How many nodes of one graph lie under each scope prefix (compared by names), so that finding a call's own
     * module does not scan every node for every call. Nodes of one scope share their path list: each distinct list
     * is expanded once.
     */
    private static Map<List<String>, Integer> prefixCounts(List<ScopeAssignment> assignments) {
        Map<List<ScopeSegment>, Integer> perPath = new IdentityHashMap<>();
        for (ScopeAssignment a : assignments) {
            perPath.merge(a.path(), 1, Integer::sum);
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        perPath.forEach((path, nodes) -> {
            List<String> names = new ArrayList<>(path.size());
            for (ScopeSegment s : path) {
                names.add(s.name());
                counts.merge(List.copyOf(names), nodes, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * Adds an operation to the draft and returns its index. {@code view}: the node as {@link #views} saw it; its
     * strings are the ones kept. {@code bodies}: its graph attributes ({@link #bodies}). {@code path}: its module,
     * or null when it is placed later (only for a node without bodies). {@code bodyScope}: its bodies' enclosing
     * scope.
     */
    private int importOperation(NodeWiring wiring, List<AttributeProto> bodies, NodeView view, ModulePath path,
                                String shortName, EnclosingScope bodyScope, TensorScope scope) {
        for (AttributeProto a : wiring.attributes()) {
            noteTensors(a);
        }
        ModulePath scopePath = path;
        if (!bodies.isEmpty()) {
            String name = shortName.isEmpty() ? view.opType() : shortName;
            scopePath = register(uniqueChild(path, name), view.opType(), null, ModuleKind.CONTROL_FLOW);
        }
        int node = draft.addOperation(view.name(), view.opType(), view.domain(),
                attributeLists.intern(List.copyOf(AttributeSummaries.of(wiring.attributes()))), scopePath,
                bodies.isEmpty());
        for (String output : wiring.outputs()) {
            scope.produce(output, node);
        }
        TensorInfo constant = ConstantTypes.of(view, wiring);
        if (constant != null) {
            scope.declareIfAbsent(constant);
        }
        if (scope == mainScope && constant != null) {
            noteIntegers(constant.name(), IntegerConstants.ofConstant(view, wiring));
        }
        List<String> inputs = wiring.inputs();
        inputIds = inputIds.length >= inputs.size() ? inputIds : new int[2 * inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            int id = inputs.get(i).isEmpty() ? -1 : scope.id(inputs.get(i));
            inputIds[i] = id;
            if (id >= 0) {
                pending.add(node, scope, id);
            }
        }
        if (scope == mainScope) {
            noteFixedInputs(node, inputs.size());
        }
        for (AttributeProto attribute : bodies) {
            if (attribute.hasG()) {
                importBody(attribute.getG(), scopePath, attribute.getName(), bodyScope, scope, node);
            }
            for (int g = 0; g < attribute.getGraphsCount(); g++) {
                importBody(attribute.getGraphs(g), scopePath, attribute.getName() + "[" + g + "]", bodyScope, scope,
                        node);
            }
        }
        return node;
    }

    private void noteIntegers(String name, long[] values) {
        if (values != null && !name.isEmpty()) {
            mainScope.setIntegers(mainScope.id(name), values);
        }
    }

    /**
     * Records the inputs of main-graph operation {@code node} when it reads a weight or a small int64 constant (one
     * produced before it: files list nodes in topological order). Names are the scope's own strings, not the
     * node's copies: a large graph has hundreds of thousands of such operations.
     */
    private void noteFixedInputs(int node, int inputCount) {
        long[][] values = null;
        boolean readsWeight = false;
        for (int i = 0; i < inputCount; i++) { // by the numbers the inputs were just given: no lookup by name
            int id = inputIds[i];
            long[] known = id < 0 ? null : mainScope.integers(id);
            readsWeight |= id >= 0 && mainScope.isLocalWeight(id);
            if (known != null) {
                values = values != null ? values : new long[inputCount][];
                values[i] = known;
            }
        }
        if (values == null && !readsWeight) {
            return;
        }
        String[] names = new String[inputCount];
        for (int i = 0; i < names.length; i++) {
            names[i] = inputIds[i] < 0 ? "" : mainScope.name(inputIds[i]);
        }
        if (node >= fixedInputs.length) {
            fixedInputs = java.util.Arrays.copyOf(fixedInputs, Math.max(node + 1, 2 * fixedInputs.length));
        }
        fixedInputs[node] = new FixedInputs(names, values);
    }

    /** Constant values and other tensor attributes may keep their data in external files too. */
    private void noteTensors(AttributeProto a) {
        if (a.hasT()) {
            externalData.note(a.getT());
        }
        for (TensorProto t : a.getTensorsList()) {
            externalData.note(t);
        }
        if (a.hasSparseTensor()) {
            externalData.note(a.getSparseTensor().getValues());
            externalData.note(a.getSparseTensor().getIndices());
        }
    }

    /** {@code owner}: the draft index of the node the body belongs to. */
    private void importBody(GraphProto body, ModulePath region, String branchName, EnclosingScope enclosing,
                            TensorScope outer, int owner) {
        ModulePath branch = register(uniqueChild(region, branchName), null, null, ModuleKind.BRANCH);
        importGraph(GraphContent.of(body), views(body.getNodeList()), branch, enclosing, outer.nested(), owner);
    }

    private void inlineCall(NodeWiring call, FunctionProto function, ModulePath wantedPath, TensorScope scope,
                            int callDepth) {
        String className = LocalFunctions.classBaseName(function.getName());
        String qualified = function.getDomain().isEmpty() ? className : function.getDomain() + "." + className;
        ModulePath callPath = register(wantedPath, className, qualified, ModuleKind.FUNCTION);
        Map<String, String> formalToActual = new HashMap<>();
        for (int i = 0; i < function.getInputCount() && i < call.inputs().size(); i++) {
            if (!call.inputs().get(i).isEmpty()) {
                formalToActual.put(function.getInput(i), call.inputs().get(i));
            }
        }
        TensorScope body = scope.function(formalToActual);
        declareAll(body, function.getValueInfoList());
        functions.enter(function);
        List<NodeView> bodyViews = views(function.getNodeList());
        importNodes(function.getNodeList(), bodyViews,
                new DeferredScopes(CompletableFuture.completedFuture(convention.assign(bodyViews))), callPath,
                EnclosingScope.NONE, body, callDepth + 1);
        functions.leave();
        for (int i = 0; i < function.getOutputCount() && i < call.outputs().size(); i++) {
            int producer = body.resolve(function.getOutput(i)).producer();
            if (producer >= 0) {
                scope.produce(call.outputs().get(i), producer);
            }
        }
    }

    private FunctionProto calledFunction(NodeView view, NodeWiring wiring, int callDepth) {
        return functions == null ? null
                : functions.calledBy(view.domain(), view.opType(), wiring.overload(), callDepth);
    }

    // ---- phase 2: edges

    private void resolvePending() {
        for (int k = 0; k < pending.size; k++) {
            TensorScope scope = pending.scopes[k];
            int id = pending.ids[k];
            int consumer = pending.consumers[k];
            int localProducer = scope.localProducer(id);
            if (localProducer >= 0) { // the usual cases, without a Resolution
                draft.addEdge(localProducer, consumer, scope.localTensor(id), scope == mainScope);
                continue;
            }
            TensorScope.Weight localWeight = scope.localWeight(id);
            if (localWeight != null) {
                localWeight.addConsumer(consumer);
                continue;
            }
            TensorScope.Resolution r = scope.resolve(id);
            TensorInfo tensor = r.tensor();
            boolean topLevel = r.owner() == mainScope;
            if (r.producer() >= 0) {
                draft.addEdge(r.producer(), consumer, tensor, topLevel);
            } else if (r.weight() != null) {
                r.weight().addConsumer(consumer);
            } else if (scope == mainScope) {
                // Consumed but never produced nor declared: show where the data would have to come from.
                int source = missingInputs.computeIfAbsent(r.name(),
                        n -> draft.add(new InputNode(draft.nextId(), tensor, ModulePath.ROOT)));
                draft.addEdge(source, consumer, tensor, true);
            }
        }
        pending.size = 0;
    }

    // ---- passes over the drafted graph

    /**
     * Each weight belongs to the deepest module containing its consumers (the module itself, not its parent, when
     * the consumers are calls of one shared module); a weight read by one node counts there.
     */
    private List<Parameter> attributeWeights() {
        List<Parameter> parameters = new ArrayList<>(weights.size());
        for (TensorScope.Weight w : weights) {
            ModulePath scope = null;
            int readers = w.consumerCount();
            for (int k = 0; k < readers; k++) {
                ModulePath s = draft.scope(w.consumer(k));
                scope = scope == null ? s : scope.commonModule(s); // a shared module's weights: once, its own
            }
            Parameter p = new Parameter(w.name, w.elementType, w.dims, scope == null ? ModulePath.ROOT : scope);
            parameters.add(p);
            if (readers == 1 && draft.isOperation(w.consumer(0))) {
                draft.addParameters(w.consumer(0), p.count());
            }
        }
        return parameters;
    }

    private ModelGraph assemble(ModelInfo info, List<Parameter> parameters) {
        java.util.Set<ModulePath> used = new java.util.HashSet<>();
        ModulePath previous = null;
        for (int i = 0; i < draft.size(); i++) {
            ModulePath scope = draft.scope(i);
            if (scope == previous) {
                continue; // neighbours mostly share a scope
            }
            previous = scope;
            // a path's ancestors are added with it, so the walk stops at the first path already there
            for (ModulePath p = scope; used.add(p) && !p.isRoot(); p = p.parent()) {
                continue;
            }
        }
        Map<ModulePath, long[]> totals = parameterTotals(parameters);
        List<Module> kept = new ArrayList<>();
        for (Module m : modules.values()) {
            if (m.path().isRoot() || used.contains(m.path())) {
                long[] total = totals.get(m.path());
                kept.add(m.withParameterCount(total == null ? 0 : total[0]));
            }
        }
        ModelGraph.Builder builder = new ModelGraph.Builder(info.withExternalData(externalData.locations(),
                externalData.warnings()), draft.size(), draft.edgeCount());
        int[] order = draft.drawingOrder();
        int[] numberOf = new int[order.length]; // draft index → number in the built graph
        for (int k = 0; k < order.length; k++) {
            builder.addNewNode(draft.node(order[k])); // "n" + its draft index: distinct
            numberOf[order[k]] = k;
            if (order[k] < fixedInputs.length) {
                builder.fixedInputs(k, fixedInputs[order[k]]);
            }
        }
        for (int e = 0; e < draft.edgeCount(); e++) {
            builder.addEdge(numberOf[draft.edgeSource(e)], numberOf[draft.edgeTarget(e)], draft.edgeTensor(e),
                    draft.edgeTopLevel(e));
        }
        return builder.modules(kept).parameters(parameters).build();
    }

    // ---- helpers

    /**
     * The parameters in each module and below it. Summed per module first, then handed up the tree level by level,
     * deepest first: each module is added to its parent once, instead of each weight to every ancestor.
     */
    private static Map<ModulePath, long[]> parameterTotals(List<Parameter> parameters) {
        Map<ModulePath, long[]> totals = new HashMap<>();
        List<List<ModulePath>> byLength = new ArrayList<>();
        for (Parameter p : parameters) {
            long[] total = totals.get(p.scope());
            if (total == null) {
                total = new long[1];
                totals.put(p.scope(), total);
                atLength(byLength, p.scope().length()).add(p.scope());
            }
            total[0] = DisplayText.saturatingAdd(total[0], p.count());
        }
        for (int length = byLength.size() - 1; length > 0; length--) {
            for (ModulePath path : byLength.get(length)) {
                long[] parentTotal = totals.get(path.parent());
                if (parentTotal == null) {
                    parentTotal = new long[1];
                    totals.put(path.parent(), parentTotal);
                    atLength(byLength, length - 1).add(path.parent());
                }
                parentTotal[0] = DisplayText.saturatingAdd(parentTotal[0], totals.get(path)[0]);
            }
        }
        return totals;
    }

    private static List<ModulePath> atLength(List<List<ModulePath>> byLength, int length) {
        while (byLength.size() <= length) {
            byLength.add(new ArrayList<>());
        }
        return byLength.get(length);
    }

    /**
     * The module path of a node: {@code relative} under {@code base}, its modules made where missing. Nodes of one
     * scope come in runs, so the last answer is kept apart from the map of all answers.
     */
    private ModulePath ensureModules(ModulePath base, List<ScopeSegment> relative) {
        if (relative == lastRelative && base == lastBase) {
            return lastPath;
        }
        Map<List<ScopeSegment>, ModulePath> made = scopePaths.computeIfAbsent(base, b -> new IdentityHashMap<>());
        ModulePath path = made.get(relative);
        if (path == null) { // its modules exist otherwise, with the classes this list names
            // The levels it shares with the last path asked are made already: the walk starts below them.
            int shared = base == lastBase && lastRelative != null ? sharedLevels(relative, lastRelative) : 0;
            path = shared == 0 ? base : lastPath.prefix(base.length() + shared);
            for (ScopeSegment s : relative.subList(shared, relative.size())) {
                path = ensureChild(path, s);
            }
            made.put(relative, path);
        }
        lastBase = base;
        lastRelative = relative;
        lastPath = path;
        return path;
    }

    private static int sharedLevels(List<ScopeSegment> a, List<ScopeSegment> b) {
        int shared = 0;
        while (shared < a.size() && shared < b.size() && a.get(shared).equals(b.get(shared))) {
            shared++;
        }
        return shared;
    }

    private ModulePath ensureChild(ModulePath parent, ScopeSegment s) {
        ModulePath child = parent.child(s.name());
        Module existing = modules.get(child);
        if (existing == null) {
            modules.put(child, new Module(child, s.name(), s.className(), s.qualifiedClassName(), ModuleKind.MODULE,
                    0));
            return child;
        }
        if (existing.className() == null && s.className() != null) {
            modules.put(existing.path(), existing.withClassName(s.className(), s.qualifiedClassName()));
        }
        return existing.path(); // one instance per path: later lookups match by identity
    }

    private ModulePath register(ModulePath path, String className, String qualifiedClassName, ModuleKind kind) {
        modules.put(path, new Module(path, path.last(), className, qualifiedClassName, kind, 0));
        return path;
    }

    /**
     * A child name not yet taken; repeats are numbered as torch numbers repeated calls ({@code If_1}). The next
     * number to try is remembered per name, so that thousands of calls of one name stay linear.
     */
    private ModulePath uniqueChild(ModulePath parent, String wanted) {
        String name = wanted.isEmpty() ? "?" : wanted;
        ModulePath first = parent.child(name);
        ModulePath candidate = first;
        int k = nextRepeat.getOrDefault(first, 1);
        if (modules.containsKey(candidate)) {
            do {
                candidate = parent.child(name + "_" + k++);
            } while (modules.containsKey(candidate));
        }
        nextRepeat.put(first, k);
        return candidate;
    }

    private void addWeight(TensorScope scope, String name, int dataType, List<Long> dims) {
        if (name.isEmpty()) {
            return;
        }
        TensorScope.Weight w = new TensorScope.Weight(name, DataTypes.elementName(dataType), dims);
        scope.addWeight(w);
        scope.declare(name, w.elementType, shapes.intern(io.github.nnvizonnx.model.Shape.of(
                dims.stream().mapToLong(Long::longValue).toArray())));
        weights.add(w);
    }

    private void declareAll(TensorScope scope, List<ValueInfoProto> values) {
        FastDecoders.TypeCache types = new FastDecoders.TypeCache();
        for (int i = 0; i < values.size(); i++) {
            FastDecoders.Declaration d = values instanceof LazyMessages<ValueInfoProto> lazy
                    ? lazy.decode(i, (in, end) -> FastDecoders.valueInfo(in, end, types)) : null;
            if (d == null) {
                ValueInfoProto v = values.get(i);
                d = v.hasType() ? new FastDecoders.Declaration(v.getName(), DataTypes.typeName(v.getType()),
                        DataTypes.shape(v.getType())) : new FastDecoders.Declaration(v.getName(), null, null);
            }
            scope.declare(d.name(), d.elementType(), shapes.intern(d.shape()));
        }
    }

    private static String shortClass(String qualified) {
        return qualified == null ? null : new ScopeSegment("", qualified).className();
    }
}
