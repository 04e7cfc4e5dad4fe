package io.github.nnvizonnx.read;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors read by nodes, kept until every producer is known and then made into edges (the second phase of
 * reading: files whose nodes are not topologically sorted read the same). Each read is its consumer's draft index,
 * the scope it was read in and the tensor's number in that scope.
 */
final class PendingReads {
    private final IntList consumers = new IntList(1024);
    private final IntList ids = new IntList(1024);
    private final List<TensorScope> scopes = new ArrayList<>(1024);

    /** {@code consumer}: the draft index of the reading node; {@code id}: the tensor's number in {@code scope}. */
    void add(int consumer, TensorScope scope, int id) {
        consumers.add(consumer);
        ids.add(id);
        scopes.add(scope);
    }

    int size() {
        return consumers.size();
    }

    /**
     * Adds to {@code draft} an edge from each read tensor's producer, or counts the consumer as a reader of the
     * weight it reads; a tensor of the main graph that nothing produces or declares gets an input node of its own.
     * Then forgets every read.
     */
    void resolve(GraphDraft draft, TensorScope mainScope) {
        /* Draft indices of the inputs made for names that are read but never produced. */
        Map<String, Integer> missingInputs = new HashMap<>();
        for (int k = 0; k < consumers.size(); k++) {
            TensorScope scope = scopes.get(k);
            int id = ids.get(k);
            int consumer = consumers.get(k);
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
        consumers.clear();
        ids.clear();
        scopes.clear();
    }
}
