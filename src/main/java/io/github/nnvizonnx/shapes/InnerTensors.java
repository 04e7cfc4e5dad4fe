package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors inside function calls that a run of the inlined model ({@link FunctionInliner}) returns, and the drawn
 * edges that carry them. Such an edge names its tensor as the function's body does, which every call of the function
 * shares, so a tensor is found by the edge's producer and that name.
 *
 * <p>The drawn operations are matched with the inliner's one by one, in reading order: the reader numbers nodes in
 * the order it reads them (ids {@code n0}, {@code n1}, ...). When they do not match (op type, domain and name of
 * each), nothing is inlined: those tensors keep their declared shapes rather than get another call's.
 */
final class InnerTensors {
    static final InnerTensors NONE = new InnerTensors(List.of(), Map.of(), null);

    private final List<String> runNames;
    /** Producer's node id → the name an edge gives the tensor → the tensor's name in the inlined model. */
    private final Map<String, Map<String, String>> byProducer;
    private final String unmatched;

    private InnerTensors(List<String> runNames, Map<String, Map<String, String>> byProducer, String unmatched) {
        this.runNames = runNames;
        this.byProducer = byProducer;
        this.unmatched = unmatched;
    }

    /** The tensors inside the calls of {@code model}, read from {@code file}; {@link #NONE} for a model without. */
    static InnerTensors of(ModelGraph model, Path file) {
        if (model.modules().all().stream().noneMatch(m -> m.kind() == ModuleKind.FUNCTION)) {
            return NONE;
        }
        FunctionInliner.Result inlined;
        try {
            inlined = FunctionInliner.inline(InlinedModel.parse(file));
        } catch (IOException | RuntimeException e) {
            return unmatched("the file could not be read again (" + e.getMessage() + ")");
        }
        List<OperationNode> drawn = inReadingOrder(model);
        List<FunctionInliner.Operation> operations = inlined.operations();
        if (drawn == null || drawn.size() != operations.size()) {
            return unmatched("the drawn operations are not the file's");
        }
        Map<String, Map<String, String>> byProducer = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            OperationNode node = drawn.get(i);
            FunctionInliner.Operation operation = operations.get(i);
            if (!node.opType().equals(operation.opType()) || !node.domain().equals(operation.domain())
                    || !node.name().equals(operation.name())) {
                return unmatched("drawn operation " + node.name() + " is not the file's " + operation.name());
            }
            if (!operation.runNames().isEmpty()) {
                byProducer.put(node.id(), operation.runNames());
            }
        }
        return new InnerTensors(List.copyOf(inlined.innerNames()), byProducer, null);
    }

    private static InnerTensors unmatched(String why) {
        return new InnerTensors(List.of(), Map.of(), why);
    }

    /** Whether the run needs the inlined model: there are tensors inside calls to return. */
    boolean inlines() {
        return !runNames.isEmpty();
    }

    /** The names of the tensors inside calls, to be added as outputs of the inlined model. */
    List<String> runNames() {
        return runNames;
    }

    /**
     * The name a run returns an edge's tensor under: an edge of the top-level graph names it as the run does; one
     * inside a call is found by its {@code producer} and {@code name}. Null when the run does not return it.
     */
    String runName(String name, boolean topLevel, Node producer) {
        if (topLevel) {
            return name;
        }
        Map<String, String> names = producer == null ? null : byProducer.get(producer.id());
        return names == null ? null : names.get(name);
    }

    /** Why the tensors inside calls could not be matched with the drawing, or null when they were. */
    String unmatched() {
        return unmatched;
    }

    /** The drawn operations by their reading number; null when an id is not the reader's {@code n} and a number. */
    private static List<OperationNode> inReadingOrder(ModelGraph model) {
        List<OperationNode> nodes = new ArrayList<>(model.nodes(OperationNode.class));
        for (OperationNode n : nodes) {
            if (readingNumber(n) < 0) {
                return null;
            }
        }
        nodes.sort(Comparator.comparingInt(InnerTensors::readingNumber));
        return nodes;
    }

    private static int readingNumber(OperationNode node) {
        String id = node.id();
        boolean numbered = id.length() > 1 && id.length() < 11 && id.charAt(0) == 'n'
                && id.substring(1).chars().allMatch(Character::isDigit); // nine digits at most: an int
        return numbered ? Integer.parseInt(id.substring(1)) : -1;
    }
}
