package io.github.nnvizonnx.read;

import io.github.nnvizonnx.model.FixedInputs;
import java.util.Arrays;

/**
 * The main graph's operations that read a weight or a small integer constant, by draft index, with the constants'
 * values: shape inference and labels use them later (a Reshape's target shape, a Gather's index).
 */
final class FixedInputNotes {
    /** By draft index; null: the operation reads neither. */
    private FixedInputs[] byNode = new FixedInputs[0];

    /** Remembers the values of main-graph tensor {@code name} (null values, or an unnamed tensor: nothing to keep). */
    static void noteIntegers(TensorScope main, String name, long[] values) {
        if (values != null && !name.isEmpty()) {
            main.setIntegers(main.id(name), values);
        }
    }

    /**
     * Records the inputs of main-graph operation {@code node} when it reads a weight or a small int64 constant (one
     * produced before it: files list nodes in topological order). {@code inputIds}: the numbers its first
     * {@code inputCount} inputs have in {@code main} (-1: left out), so that nothing is looked up by name. Names
     * are the scope's own strings, not the node's copies: a large graph has hundreds of thousands of such operations.
     */
    void note(TensorScope main, int node, int[] inputIds, int inputCount) {
        long[][] values = null;
        boolean readsWeight = false;
        for (int i = 0; i < inputCount; i++) {
            int id = inputIds[i];
            long[] known = id < 0 ? null : main.integers(id);
            readsWeight |= id >= 0 && main.isLocalWeight(id);
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
            names[i] = inputIds[i] < 0 ? "" : main.name(inputIds[i]);
        }
        if (node >= byNode.length) {
            byNode = Arrays.copyOf(byNode, Math.max(node + 1, 2 * byNode.length));
        }
        byNode[node] = new FixedInputs(names, values);
    }

    /** What was noted for the operation at {@code node}, or null. */
    FixedInputs of(int node) {
        return node < byNode.length ? byNode[node] : null;
    }
}
