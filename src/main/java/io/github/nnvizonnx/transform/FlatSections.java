package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * Sections for a model without modules (paddle2onnx, converters that write no scopes): hundreds of operations
 * drawn one by one make a strip no page or column can show. The operations, in the order data flows, are cut into
 * about a dozen consecutive sections of similar size, each cut where the fewest tensors cross it within reach of
 * its share: between blocks, where only the block's output and the long skips of a feature pyramid travel on, not
 * inside a residual or squeeze-excite block. Each section is a module titled by its range of operations
 * ({@code ops 41–80}) and classed by the operations it holds, those with weights first ({@code Conv ×9, Add ×6,
 * Mul ×6}); the budget then opens what fits, as for any module. {@code --depth N} or {@code all} draws the model
 * as it is.
 */
final class FlatSections {
    /** A section holds this many operations at least: fewer are better drawn as they are. */
    private static final int MIN_SECTION = 4;
    /** About this many sections: a figure of a dozen boxes reads at a glance, and the budget opens what fits. */
    private static final int SECTIONS = 12;
    /** The operation types named in a section's class, most frequent first. */
    private static final int TYPES_NAMED = 3;

    private FlatSections() {
    }

    /** {@code model} with sections when it has no modules and more operations than {@code maxNodes}; else itself. */
    static ModelGraph apply(ModelGraph model, int maxNodes) {
        if (model.modules().size() > 1) {
            return model;
        }
        int[] order = flowOrder(model);
        List<Integer> operations = new ArrayList<>();
        for (int position = 0; position < order.length; position++) {
            if (model.nodeAt(order[position]) instanceof OperationNode) {
                operations.add(position);
            }
        }
        if (operations.size() <= maxNodes || operations.size() < 2 * MIN_SECTION) {
            return model;
        }
        int[] alive = tensorsAlive(model, order);
        int target = Math.max(MIN_SECTION, (operations.size() + SECTIONS - 1) / SECTIONS);
        Map<Integer, ModulePath> sectionOf = new HashMap<>();
        List<Module> modules = new ArrayList<>();
        modules.add(model.modules().root());
        int start = 0;
        while (start < operations.size()) {
            int end = narrowestCut(operations, alive, start, target);
            List<Integer> numbers = new ArrayList<>(end - start);
            for (int k = start; k < end; k++) {
                numbers.add(order[operations.get(k)]);
            }
            modules.add(section(model, numbers, start, sectionOf));
            start = end;
        }
        if (modules.size() <= 2) {
            return model; // one section would only wrap the model
        }
        ModelGraph.Builder builder = new ModelGraph.Builder(model.info());
        Map<Node, Node> moved = new HashMap<>();
        int added = 0; // the builder numbers the nodes it is given; a view's numbers skip its hidden ones
        for (int number = 0; number < model.nodeNumbers(); number++) {
            Node n = model.nodeAt(number);
            if (n != null) {
                ModulePath section = sectionOf.get(number);
                Node placed = section == null ? n : n.withScope(section);
                moved.put(n, placed);
                builder.addNode(placed);
                builder.fixedInputs(added++, model.fixedInputs(n));
            }
        }
        for (TensorEdge e : model.graph().edgeSet()) {
            builder.addEdge(moved.get(model.graph().getEdgeSource(e)), moved.get(model.graph().getEdgeTarget(e)),
                    e.tensor(), e.isTopLevel());
        }
        return builder.modules(modules).parameters(model.parameters()).build();
    }

    private static Module section(ModelGraph model, List<Integer> numbers, int before,
                                  Map<Integer, ModulePath> sectionOf) {
        String name = "ops " + (before + 1) + "–" + (before + numbers.size());
        ModulePath path = ModulePath.ROOT.append(ModulePath.of(name));
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, Boolean> weighted = new HashMap<>();
        long parameters = 0;
        for (int number : numbers) {
            OperationNode op = (OperationNode) model.nodeAt(number);
            types.merge(op.opType(), 1, Integer::sum);
            weighted.merge(op.opType(), op.parameterCount() > 0, Boolean::logicalOr);
            parameters = io.github.nnvizonnx.model.DisplayText.saturatingAdd(parameters, op.parameterCount());
            sectionOf.put(number, path);
        }
        // the layers that hold weights say most of what a section does (Conv ×9), then the most frequent others
        String mostUsed = types.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> !weighted.get(e.getKey()))
                        .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed()))
                .limit(TYPES_NAMED).map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        return new Module(path, name, mostUsed, null, ModuleKind.MODULE, parameters);
    }

    /**
     * The visible nodes in an order where every producer comes before its consumers, ties broken by node number
     * (the file's order).
     */
    private static int[] flowOrder(ModelGraph model) {
        int n = model.nodeNumbers();
        int[] waiting = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.naturalOrder());
        for (int number = 0; number < n; number++) {
            if (model.nodeAt(number) != null) {
                waiting[number] = model.incomingEdgesOf(number).size();
                if (waiting[number] == 0) {
                    ready.add(number);
                }
            }
        }
        List<Integer> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int number = ready.poll();
            order.add(number);
            for (TensorEdge e : model.outgoingEdgesOf(number)) {
                int target = model.targetNumberOf(e);
                if (--waiting[target] == 0) {
                    ready.add(target);
                }
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray(); // a cycle's nodes are left out
    }

    /**
     * The end (exclusive, an index into {@code operations}) of the section that starts at {@code start}: between
     * half and one and a half times {@code target} operations on, where the fewest tensors cross (of equals, the
     * one nearest {@code target} operations on); the rest when that reaches the end.
     */
    private static int narrowestCut(List<Integer> operations, int[] alive, int start, int target) {
        int from = start + Math.max(1, target / 2);
        int to = Math.min(operations.size() - 1, start + target + target / 2);
        if (from > to || operations.size() - start <= target + target / 2) {
            return operations.size();
        }
        int aim = start + target;
        int best = from;
        for (int k = from; k <= to; k++) {
            int crossing = alive[operations.get(k)];
            int bestCrossing = alive[operations.get(best)];
            if (crossing < bestCrossing || crossing == bestCrossing && Math.abs(k - aim) < Math.abs(best - aim)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * By position in {@code order}: how many tensors cross from the nodes before it to those from it on. A tensor
     * read at several later places crosses every position up to its last reader.
     */
    private static int[] tensorsAlive(ModelGraph model, int[] order) {
        int[] positionOf = new int[model.nodeNumbers()];
        for (int position = 0; position < order.length; position++) {
            positionOf[order[position]] = position;
        }
        int[] change = new int[order.length + 1];
        for (int position = 0; position < order.length; position++) {
            Map<String, Integer> lastReader = new HashMap<>();
            for (TensorEdge e : model.outgoingEdgesOf(order[position])) {
                lastReader.merge(e.tensor().name(), positionOf[model.targetNumberOf(e)], Math::max);
            }
            for (int last : lastReader.values()) {
                change[position + 1]++; // alive from the next position to the last reader's, inclusive
                change[last + 1]--;
            }
        }
        int[] alive = new int[order.length];
        int count = 0;
        for (int position = 0; position < order.length; position++) {
            count += change[position];
            alive[position] = count;
        }
        return alive;
    }
}
