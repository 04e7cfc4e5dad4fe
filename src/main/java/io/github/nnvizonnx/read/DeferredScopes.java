package io.github.nnvizonnx.read;

import io.github.nnvizonnx.internal.IntList;
import io.github.nnvizonnx.read.hierarchy.ScopeAssignment;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The hierarchy of one graph while another core still works it out: nodes read before it is known are remembered,
 * and are placed in their modules, in node order, once it is. Reading a large graph then does not wait for its
 * hierarchy, which is needed only where a node's module must be known at once (a function call, a control-flow node).
 */
final class DeferredScopes {
    /** Puts one remembered node (its draft index) into the module its assignment names. */
    interface Placement {
        void place(int draftIndex, ScopeAssignment assignment);
    }

    private final Future<List<ScopeAssignment>> assigning;
    private List<ScopeAssignment> assignments;
    /** Of each node remembered, by its index in the graph: its draft index. */
    private final IntList nodes = new IntList();
    private final IntList draftIndices = new IntList();

    DeferredScopes(Future<List<ScopeAssignment>> assigning) {
        this.assigning = assigning;
    }

    /** Whether the assignments are there, so that a node is better placed at once than remembered. */
    boolean known() {
        return assignments != null || assigning.isDone();
    }

    /** Remembers node {@code node} of the graph, added to the draft at {@code draftIndex}, to be placed later. */
    void defer(int node, int draftIndex) {
        nodes.add(node);
        draftIndices.add(draftIndex);
    }

    /** The assignments, waited for if need be; every node remembered is handed to {@code placement} first. */
    List<ScopeAssignment> assignments(Placement placement) {
        if (assignments == null) {
            assignments = join(assigning);
        }
        for (int k = 0; k < nodes.size(); k++) {
            placement.place(draftIndices.get(k), assignments.get(nodes.get(k)));
        }
        nodes.clear();
        draftIndices.clear();
        return assignments;
    }

    private static <T> T join(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
