package io.github.nnvizonnx.read;

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
 *
 * <p>This class walks the graphs; the rest is done by parts with one job each: the modules ({@link ModuleRegistry}),
 * local function calls ({@link FunctionCalls}), reads made into edges ({@link PendingReads}), weights given to
 * modules ({@link ParameterAttribution}) and the fixed inputs of operations ({@link FixedInputNotes}).
 */
final class GraphImporter {
    /** Graphs with this many nodes or more are read with two threads. */
    static final int PARALLEL_FROM = 20_000;

    private final HierarchyConvention convention;
    /** Null when function calls are drawn as plain operations. */
    private final FunctionCalls functions;
    private final ModuleRegistry modules = new ModuleRegistry();
    private GraphDraft draft;
    private final ExternalDataNotes externalData = new ExternalDataNotes();
    private final Interner<io.github.nnvizonnx.model.Shape> shapes = new Interner<>();
    /** Attribute summaries repeat over thousands of nodes (axis=1, value=int64[1]): each distinct list is kept once. */
    private final Interner<List<io.github.nnvizonnx.model.AttributeSummary>> attributeLists = new Interner<>();
    private final PendingReads pending = new PendingReads();
    private final List<TensorScope.Weight> weights = new ArrayList<>();
    /** Per graph scope (main and control-flow bodies, not function bodies): its weights stored as Constants. */
    private final Map<TensorScope, ConstantWeights> constantWeights = new IdentityHashMap<>();
    private TensorScope mainScope;
    /** Work space of {@link #importOperation}: the name numbers of an operation's inputs (-1: left out). */
    private int[] inputIds = new int[8];
    private final FixedInputNotes fixedInputs = new FixedInputNotes();
    private final BodyResults bodyResults = new BodyResults();
    /** The index in the main graph of the call that is the whole model, or {@link WholeModelCall#NONE}. */
    private int wholeModelCall = WholeModelCall.NONE;

    /** {@code functionCallsAreModules}: each call of a local function is a module holding the function's body. */
    GraphImporter(HierarchyConvention convention, boolean functionCallsAreModules, List<FunctionProto> localFunctions) {
        this.convention = convention;
        this.functions = functionCallsAreModules ? new FunctionCalls(new LocalFunctions(localFunctions), modules)
                : null;
    }

    /**
     * {@code views}: the main graph's nodes as {@link #views} sees them (computed once by the caller);
     * {@code wholeModelCall}: the index of the node that is {@link WholeModelCall the whole model}, or
     * {@link WholeModelCall#NONE}.
     */
    ModelGraph importMain(GraphContent graph, List<NodeView> views, int wholeModelCall, ModelInfo info) {
        this.wholeModelCall = wholeModelCall;
        modules.addRoot(graph.name(), convention.rootClassName(views));
        // value_info mostly names node outputs: the larger of the two counts the names they make, not their sum
        mainScope = TensorScope.main(graph.inputs().size() + graph.outputs().size() + graph.initializers().size()
                + Math.max(graph.valueInfo().size(), graph.nodes().size()));
        draft = new GraphDraft(graph.inputs().size() + graph.nodes().size() + graph.outputs().size());
        importGraph(graph, views, ModulePath.ROOT, EnclosingScope.NONE, mainScope, -1);
        int firstRead = draft.edgeCount();
        pending.resolve(draft, mainScope);
        bodyResults.rewire(draft, firstRead);
        mainScope = null;
        UnscopedPlacement.place(draft, modules); // before quantizers and constants, which then follow their consumers
        draft.placeQuantizersWithConsumers();
        draft.placeConstantsWithConsumers();
        for (ConstantWeights found : constantWeights.values()) {
            weights.addAll(found.read());
        }
        List<Parameter> parameters = ParameterAttribution.attribute(weights, draft);
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

    /**
     * {@code feeder}: the draft index of the node whose inputs feed this graph's inputs, or -1. Returns the draft
     * indices of the graph's output nodes, in order.
     */
    private int[] importGraph(GraphContent graph, List<NodeView> views, ModulePath base, EnclosingScope enclosing,
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
                externalData.note(w);
                addWeight(scope, w.name(), w.dataType(), w.dims());
                if (scope == mainScope && w.location() == null && IntegerConstants.isSmall(w.dataType(), w.dims())) {
                    FixedInputNotes.noteIntegers(mainScope, w.name(), IntegerConstants.of(initializers.get(i)));
                }
            } else {
                TensorProto t = initializers.get(i);
                externalData.note(t);
                addWeight(scope, t.getName(), t.getDataType(), t.getDimsList());
                if (scope == mainScope) {
                    FixedInputNotes.noteIntegers(mainScope, t.getName(), IntegerConstants.of(t));
                }
            }
        }
        for (SparseTensorProto t : graph.sparseInitializers()) {
            externalData.note(t.getValues());
            externalData.note(t.getIndices());
            String name = t.getValues().getName();
            addWeight(scope, name, t.getValues().getDataType(), t.getDimsList());
        }
        boolean mainGraph = scope == mainScope;
        BoundaryLabels inputLabels = BoundaryLabels.inputs();
        for (ValueInfoProto input : graph.inputs()) {
            String name = input.getName();
            if (name.isEmpty() || scope.isWeight(name)) {
                continue;
            }
            InputNode node = new InputNode(draft.nextId(), scope.resolve(name).declared(), base,
                    mainGraph ? inputLabels.labelFor(name) : null);
            int index = draft.add(node);
            scope.produce(name, index);
            if (feeder >= 0) {
                draft.addEdge(feeder, index, node.tensor(), false);
            }
        }
        importNodes(graph.nodes(), views, new DeferredScopes(assignments), base, enclosing, scope, 0);
        BoundaryLabels outputLabels = mainGraph ? BoundaryLabels.outputs() : BoundaryLabels.bodyResults();
        int[] outputs = new int[graph.outputs().size()];
        for (int i = 0; i < outputs.length; i++) {
            ValueInfoProto output = graph.outputs().get(i);
            TensorInfo declared = scope.resolve(output.getName()).declared();
            OutputNode node = new OutputNode(draft.nextId(),
                    declared != null ? declared : TensorInfo.named(output.getName()), base,
                    outputLabels.labelFor(output.getName()));
            outputs[i] = draft.add(node);
            pending.add(outputs[i], scope, scope.id(output.getName()));
        }
        return outputs;
    }

    /**
     * {@code views}: one per node, in the same order; {@code scopes}: their assignments, perhaps still being worked
     * out. A plain operation read before they are known gets its module later; modules are still made in node order.
     */
    private void importNodes(List<NodeProto> protos, List<NodeView> views, DeferredScopes scopes, ModulePath base,
                             EnclosingScope enclosing, TensorScope scope, int callDepth) {
        DeferredScopes.Placement placement = (index, a) -> draft.setScope(index,
                modules.ensureModules(base, enclosing.within(a.path())));
        Map<List<String>, Integer> prefixCounts = null; // counted on the first call of a local function
        CallNames callNames = null; // with them
        for (int i = 0; i < protos.size(); i++) {
            NodeWiring wiring = NodeWiring.of(protos, i);
            NodeView view = views.get(i);
            FunctionProto function = calledFunction(view, wiring, callDepth);
            List<AttributeProto> bodies = bodies(wiring);
            if (function == null && bodies.isEmpty() && !scopes.known()) {
                scopes.defer(i, importOperation(wiring, bodies, view, null, "", enclosing, scope));
                continue;
            }
            if (function != null && scope == mainScope && i == wholeModelCall) {
                inline(functions.enterAsWholeModel(wiring, function, scope), scope, callDepth);
                continue;
            }
            List<ScopeAssignment> assignments = scopes.assignments(placement);
            ScopeAssignment assignment = assignments.get(i);
            List<ScopeSegment> path = enclosing.within(assignment.path());
            if (function != null) {
                if (prefixCounts == null) {
                    prefixCounts = FunctionCalls.prefixCounts(assignments);
                    callNames = functions.callNames(views, assignments, prefixCounts, enclosing);
                }
                ModulePath callPath = functions.callPath(base, path, prefixCounts, function, callNames);
                inline(functions.enter(wiring, function, callPath, scope), scope, callDepth);
            } else {
                importOperation(wiring, bodies, view, modules.ensureModules(base, path), assignment.shortName(),
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
            scopePath = modules.register(modules.uniqueChild(path, name), view.opType(), null,
                    ModuleKind.CONTROL_FLOW);
        }
        int node = draft.addOperation(view.name(), view.opType(), view.domain(),
                attributeLists.intern(List.copyOf(AttributeSummaries.of(wiring.attributes()))), scopePath,
                bodies.isEmpty());
        if (convention.isUnscoped(view)) {
            draft.markUnscoped(node);
        }
        for (String output : wiring.outputs()) {
            scope.produce(output, node);
        }
        TensorInfo constant = ConstantTypes.of(view, wiring);
        if (constant != null) {
            scope.declareIfAbsent(constant);
        }
        if (scope == mainScope && constant != null) {
            FixedInputNotes.noteIntegers(mainScope, constant.name(), IntegerConstants.ofConstant(view, wiring));
        }
        // a function's constants are its class's, read again by each call: they are not counted per call
        if (constant != null && !scope.isFunctionBody() && ConstantWeights.mayBeWeight(constant)) {
            constantWeights.computeIfAbsent(scope, s -> new ConstantWeights()).noteConstant(constant);
        }
        List<String> inputs = wiring.inputs();
        inputIds = inputIds.length >= inputs.size() ? inputIds : new int[2 * inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            int id = inputs.get(i).isEmpty() ? -1 : scope.id(inputs.get(i));
            inputIds[i] = id;
            if (id >= 0) {
                pending.add(node, scope, id);
                if (!constantWeights.isEmpty()) {
                    noteConstantRead(scope, inputs.get(i), view.opType(), i, node);
                }
            }
        }
        if (scope == mainScope) {
            fixedInputs.note(mainScope, node, inputIds, inputs.size());
        }
        if (!bodies.isEmpty()) {
            importBodies(bodies, scopePath, bodyScope, scope, node, wiring.outputs());
        }
        return node;
    }

    /**
     * Notes a read of {@code name} for the Constant it names, in the scope that declares it: a body may read a
     * constant of the graph around it (an LSTM cell in a Loop reading its weights).
     */
    private void noteConstantRead(TensorScope scope, String name, String opType, int slot, int node) {
        for (TensorScope s = scope; s != null && !s.isFunctionBody(); s = s.parent()) {
            ConstantWeights declared = constantWeights.get(s);
            if (declared != null && declared.noteRead(name, opType, slot, node)) {
                return;
            }
        }
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

    /** The bodies of the operation at draft index {@code owner}, joined to it by {@link BodyResults}. */
    private void importBodies(List<AttributeProto> bodies, ModulePath region, EnclosingScope enclosing,
                              TensorScope outer, int owner, List<String> results) {
        List<int[]> outputs = new ArrayList<>();
        boolean fed = false;
        for (AttributeProto attribute : bodies) {
            if (attribute.hasG()) {
                outputs.add(importBody(attribute.getG(), region, attribute.getName(), enclosing, outer, owner));
                fed |= attribute.getG().getInputCount() > 0;
            }
            for (int g = 0; g < attribute.getGraphsCount(); g++) {
                outputs.add(importBody(attribute.getGraphs(g), region, attribute.getName() + "[" + g + "]",
                        enclosing, outer, owner));
                fed |= attribute.getGraphs(g).getInputCount() > 0;
            }
        }
        bodyResults.note(draft, owner, outputs, fed, results);
    }

    /** {@code owner}: the draft index of the node the body belongs to. Returns the body's output nodes. */
    private int[] importBody(GraphProto body, ModulePath region, String branchName, EnclosingScope enclosing,
                             TensorScope outer, int owner) {
        ModulePath branch = modules.register(modules.uniqueChild(region, branchName), null, null, ModuleKind.BRANCH);
        return importGraph(GraphContent.of(body), views(body.getNodeList()), branch, enclosing, outer.nested(),
                owner);
    }

    /** Reads the body of a call just {@linkplain FunctionCalls#enter entered}, then leaves it. */
    private void inline(FunctionCalls.Call inlined, TensorScope scope, int callDepth) {
        FunctionProto function = inlined.function();
        declareAll(inlined.body(), function.getValueInfoList());
        List<NodeView> bodyViews = views(function.getNodeList());
        importNodes(function.getNodeList(), bodyViews,
                new DeferredScopes(CompletableFuture.completedFuture(convention.assign(bodyViews))), inlined.path(),
                EnclosingScope.NONE, inlined.body(), callDepth + 1);
        functions.leave(inlined, scope);
    }

    private FunctionProto calledFunction(NodeView view, NodeWiring wiring, int callDepth) {
        return functions == null ? null : functions.calledBy(view, wiring, callDepth);
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
        List<Module> kept = modules.kept(used, ParameterAttribution.totals(parameters));
        ModelInfo read = info.withExternalData(externalData.locations(), externalData.warnings())
                .withExternalDataExtents(externalData.extents());
        if (functions != null && functions.unexpandedCalls() > 0) {
            read = read.withWarning(String.format(java.util.Locale.ROOT, "%,d call%s of local functions drawn as"
                    + " single operations, not expanded: the model expands to %s operations, past the cap of %,d"
                    + " operations and modules", functions.unexpandedCalls(), functions.unexpandedCalls() == 1 ? ""
                    : "s", expandedCount(info.expandedOperations()), LocalFunctions.MAX_EXPANDED_NODES));
        }
        ModelGraph.Builder builder = new ModelGraph.Builder(read, draft.size(), draft.edgeCount());
        int[] order = draft.drawingOrder();
        int[] numberOf = new int[order.length]; // draft index → number in the built graph
        for (int k = 0; k < order.length; k++) {
            builder.addNewNode(draft.node(order[k])); // "n" + its draft index: distinct
            numberOf[order[k]] = k;
            builder.fixedInputs(k, fixedInputs.of(order[k]));
        }
        for (int e = 0; e < draft.edgeCount(); e++) {
            builder.addEdge(numberOf[draft.edgeSource(e)], numberOf[draft.edgeTarget(e)], draft.edgeTensor(e),
                    draft.edgeTopLevel(e));
        }
        return builder.modules(kept).parameters(parameters).build();
    }

    // ---- helpers

    private static String expandedCount(long operations) {
        return operations == Long.MAX_VALUE ? "more than 9.2 quintillion"
                : String.format(java.util.Locale.ROOT, "%,d", operations);
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
}
