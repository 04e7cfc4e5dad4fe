package io.github.nnvizonnx.transform;

import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.ModuleTree;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Parameter;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical form of a module's inside, for deciding exactly whether two modules are identical blocks: every node
 * in order with its kind, op type, domain, attributes and parameter count, where it sits in the module tree inside
 * (position among its siblings and class at each level, not names, which differ from block to block in some
 * exporters), every edge inside by the positions of its ends, every tensor crossing the boundary with its element
 * type and shape (inside, the operations and weights fix them), and every weight with its place, element type and
 * dims. Values are numbered through one table of this pass, so two forms are equal exactly when the blocks are:
 * forms are compared in full, never by a hash. The one leniency: a tensor whose shape one block does not know matches
 * the other's ({@link #compatible}).
 */
final class BlockSignature {
    private static final long OUTSIDE = -1;
    /** A tensor's type is written as a number of its own range (≤ -2), so that an unknown one can match a known one. */
    private static final long UNKNOWN_SHAPE = -2;

    private final ModelGraph model;
    private final ModuleTree tree;
    private final ModuleScopes scopes;
    /** Distinct values (op types, attribute lists, shapes, ...) numbered from 1; 0 stands for null. */
    private final Map<Object, Integer> codes = new HashMap<>();
    private final Map<ModulePath, List<Parameter>> parametersByScope = new HashMap<>();
    /** By module path: its position among its siblings and its class, as one code. */
    private final Map<ModulePath, Integer> placeCodes = new HashMap<>();
    private final Map<ModulePath, Integer> placeCodesByIdentity = new IdentityHashMap<>();
    /** By node number: its position in the block last encoded, valid where {@link #stampOf} is {@link #stamp}. */
    private final int[] position;
    private final int[] stampOf;
    private int stamp;
    private ModulePath cachedPath;
    private long[] cachedForm;

    BlockSignature(ModelGraph model, ModuleScopes scopes) {
        this.model = model;
        this.tree = model.modules();
        this.scopes = scopes;
        this.position = new int[model.nodeNumbers()];
        this.stampOf = new int[model.nodeNumbers()];
        for (Parameter p : model.parameters()) {
            parametersByScope.computeIfAbsent(p.scope(), s -> new ArrayList<>()).add(p);
        }
    }

    /** The place code of a module ({@link #placeCodes}), worked out for it and its siblings when first asked. */
    private int placeCode(ModulePath module) {
        Integer known = placeCodesByIdentity.get(module); // nodes share their scope objects: mostly found here
        if (known != null) {
            return known;
        }
        known = placeCodes.get(module);
        if (known == null) {
            List<Module> siblings = tree.children(module.parent());
            for (int i = 0; i < siblings.size(); i++) {
                Module sibling = siblings.get(i);
                placeCodes.put(sibling.path(), code(List.of(i, String.valueOf(sibling.className()),
                        String.valueOf(sibling.qualifiedClassName()), sibling.kind())));
            }
            known = placeCodes.getOrDefault(module, 0); // 0: a scope the tree does not know
            placeCodes.putIfAbsent(module, known);
        }
        placeCodesByIdentity.put(module, known);
        return known;
    }

    /** Whether the insides of {@code a} and {@code b} are identical (the first form is kept for the next call). */
    boolean identical(ModulePath a, ModulePath b) {
        if (!a.equals(cachedPath)) {
            cachedForm = form(a);
            cachedPath = a;
        }
        return compatible(cachedForm, form(b));
    }

    /**
     * Equal forms, except that a tensor whose type and shape one side does not know matches any: a file declares the
     * types of its outputs only, so the last of twelve layers knows what leaves it and the others do not.
     */
    static boolean compatible(long[] a, long[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !(a[i] <= UNKNOWN_SHAPE && b[i] <= UNKNOWN_SHAPE
                    && (a[i] == UNKNOWN_SHAPE || b[i] == UNKNOWN_SHAPE))) {
                return false;
            }
        }
        return true;
    }

    /** The canonical form of {@code block}'s inside. */
    long[] form(ModulePath block) {
        int[] nodes = scopes.nodesOf(block);
        stamp++;
        for (int k = 0; k < nodes.length; k++) {
            position[nodes[k]] = k;
            stampOf[nodes[k]] = stamp;
        }
        LongBuffer out = new LongBuffer(nodes.length * 12);
        LongBuffer weights = new LongBuffer(16);
        Set<ModulePath> scopesSeen = new HashSet<>();
        ModulePath lastScope = null;
        long[] lastPlace = null;
        for (int number : nodes) {
            Node n = model.nodeAt(number);
            if (n.scope() != lastScope) { // neighbours mostly share their scope: its place is worked out once
                lastScope = n.scope();
                lastPlace = place(block, lastScope);
                weights(weights, block, lastScope, scopesSeen);
            }
            out.addAll(lastPlace);
            node(out, n);
            // each list is preceded by its length, so that no two different blocks can write the same numbers
            Set<TensorEdge> inputs = model.incomingEdgesOf(number);
            out.add(inputs.size());
            for (TensorEdge e : inputs) {
                int source = model.sourceNumberOf(e);
                if (stampOf[source] == stamp) {
                    out.add(position[source]); // inside: the operations and weights fix its type and shape
                } else {
                    out.add(OUTSIDE);
                    tensor(out, e.tensor());
                }
            }
            // each tensor leaving once: how many readers it has outside depends on what follows the block
            int lengthAt = out.size();
            out.add(0);
            String lastLeaving = null;
            for (TensorEdge e : model.outgoingEdgesOf(number)) {
                if (stampOf[model.targetNumberOf(e)] != stamp && !leftAlready(number, e, lastLeaving)) {
                    tensor(out, e.tensor());
                    out.increment(lengthAt);
                    lastLeaving = e.tensor().name();
                }
            }
        }
        out.add(weights.size());
        out.addAll(weights.toArray());
        return out.toArray();
    }

    /** Whether the tensor of {@code e}, leaving the block, was written for an earlier edge of the same node. */
    private boolean leftAlready(int number, TensorEdge e, String lastLeaving) {
        String name = e.tensor().name();
        if (lastLeaving == null) {
            return false;
        }
        if (name.equals(lastLeaving)) {
            return true;
        }
        for (TensorEdge earlier : model.outgoingEdgesOf(number)) {
            if (earlier == e) {
                return false;
            }
            if (stampOf[model.targetNumberOf(earlier)] != stamp && earlier.tensor().name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code scope} sits inside {@code block}: how many levels below it, and each level's place code. */
    private long[] place(ModulePath block, ModulePath scope) {
        int levels = scope.length() - block.length();
        long[] place = new long[levels + 1];
        place[0] = levels;
        ModulePath p = scope;
        for (int i = levels; i >= 1; i--, p = p.parent()) {
            place[i] = placeCode(p);
        }
        return place;
    }

    private void node(LongBuffer out, Node n) {
        out.add(n instanceof OperationNode ? 1 : n instanceof InputNode ? 2 : n instanceof OutputNode ? 3 : 4);
        if (n instanceof OperationNode op) {
            out.add(code(op.opType()));
            out.add(code(op.domain()));
            out.add(code(op.attributes()));
            out.add(op.parameterCount());
        } else if (n instanceof InputNode in) {
            tensor(out, in.tensor());
        } else if (n instanceof OutputNode o) {
            tensor(out, o.tensor());
        } else if (n instanceof ModuleNode m) {
            out.add(code(List.of(String.valueOf(m.module().className()), m.opTypes())));
            out.add(m.operationCount());
            out.add(m.parameterCount());
        }
    }

    private void tensor(LongBuffer out, TensorInfo tensor) {
        boolean unknown = tensor.elementType() == null && tensor.shape() == null;
        out.add(unknown ? UNKNOWN_SHAPE
                : UNKNOWN_SHAPE - code(Arrays.asList(tensor.elementType(), tensor.shape())));
    }

    /**
     * The weights of {@code scope} and of its ancestors inside {@code block} not written yet, each with its place:
     * the weights of a block belong to the modules its nodes sit in, or to their ancestors (shared by several).
     */
    private void weights(LongBuffer out, ModulePath block, ModulePath scope, Set<ModulePath> seen) {
        for (ModulePath p = scope; p.length() >= block.length() && seen.add(p);
             p = p.parent()) {
            List<Parameter> own = parametersByScope.get(p);
            if (own != null) {
                long[] place = place(block, p);
                for (Parameter parameter : own) {
                    out.addAll(place);
                    out.add(code(parameter.elementType()));
                    out.add(code(parameter.dims()));
                }
            }
            if (p.isRoot()) {
                break;
            }
        }
    }

    private int code(Object value) {
        return value == null ? 0 : codes.computeIfAbsent(value, v -> codes.size() + 1);
    }

    /** A growable array of longs. */
    private static final class LongBuffer {
        private long[] values;
        private int size;

        LongBuffer(int capacity) {
            values = new long[Math.max(16, capacity)];
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        void addAll(long[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        void increment(int index) {
            values[index]++;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
