package io.github.nnvizonnx.transform;

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
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Candidates of a run compared on two threads from this many: fewer are not worth the hand-over. */
    private static final int PARALLEL_FROM = 16;

    private final ModelGraph model;
    private final ModuleScopes scopes;
    /**
     * Distinct values (op types, attribute lists, shapes, ...) numbered from 1; 0 stands for null. Shared by the
     * threads that encode, so that their forms can be compared.
     */
    private final Map<Object, Integer> codes = new ConcurrentHashMap<>();
    private final AtomicInteger lastCode = new AtomicInteger();
    /** By module number: the weights it holds directly; null for none. */
    private final List<List<Parameter>> parametersByModule;
    /** By module number: its position among its siblings and its class, as one code; 0 until worked out. */
    private final int[] placeCodes;
    /** Encodes on the calling thread; keeps the last form of a run's first member. */
    private final Encoder main;
    /** Encodes on the other thread; made for the first long run. */
    private Encoder second;
    private int cachedModule = ModuleScopes.NONE;
    private long[] cachedForm;

    BlockSignature(ModelGraph model, ModuleScopes scopes) {
        this.model = model;
        this.scopes = scopes;
        int modules = model.modules().size();
        this.parametersByModule = new ArrayList<>(java.util.Collections.nCopies(modules, null));
        ModulePath lastScope = null;
        int id = ModuleScopes.NONE;
        for (Parameter p : model.parameters()) {
            if (!p.scope().equals(lastScope)) { // the weights of one module are mostly listed together
                lastScope = p.scope();
                id = scopes.idOf(lastScope);
            }
            if (id != ModuleScopes.NONE) {
                if (parametersByModule.get(id) == null) {
                    parametersByModule.set(id, new ArrayList<>());
                }
                parametersByModule.get(id).add(p);
            }
        }
        this.placeCodes = new int[modules];
        this.main = new Encoder();
    }

    /**
     * The place code of module {@code id} ({@link #placeCodes}), worked out for it and its siblings when first asked.
     * Threads that race here write the same codes.
     */
    private int placeCode(int id) {
        int known = placeCodes[id];
        if (known == 0) {
            int[] siblings = scopes.childrenOf(scopes.parentOf(id));
            for (int i = 0; i < siblings.length; i++) {
                Module sibling = scopes.module(siblings[i]);
                placeCodes[siblings[i]] = code(List.of(i, String.valueOf(sibling.className()),
                        String.valueOf(sibling.qualifiedClassName()), sibling.kind()));
            }
            known = placeCodes[id];
        }
        return known;
    }

    /**
     * For each of {@code candidates}, whether its inside is identical to {@code first}'s. Many candidates (the
     * twenty thousand layers of a long encoder) are split between this thread and one other, each encoding with its
     * own positions into the shared code table.
     */
    boolean[] identicalToFirst(int first, int[] candidates) {
        long[] firstForm = formOf(first);
        boolean[] identical = new boolean[candidates.length];
        if (candidates.length < PARALLEL_FROM || Runtime.getRuntime().availableProcessors() < 2) {
            compare(main, firstForm, candidates, 0, candidates.length, identical);
            return identical;
        }
        for (int candidate : candidates) {
            scopes.nodesOf(candidate); // gathered here: the scopes' caches are not shared between threads
        }
        if (second == null) {
            second = new Encoder();
        }
        Encoder other = second;
        int half = candidates.length / 2;
        CompletableFuture<Void> secondHalf = CompletableFuture.runAsync(
                () -> compare(other, firstForm, candidates, half, candidates.length, identical));
        compare(main, firstForm, candidates, 0, half, identical);
        try {
            secondHalf.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
        return identical;
    }

    private static void compare(Encoder encoder, long[] firstForm, int[] candidates, int from, int to,
                                boolean[] identical) {
        for (int i = from; i < to; i++) {
            identical[i] = encoder.matches(firstForm, candidates[i]);
        }
    }

    private long[] formOf(int first) {
        if (first != cachedModule) {
            cachedForm = main.form(first);
            cachedModule = first;
        }
        return cachedForm;
    }

    /**
     * Equal forms, except that a tensor whose type and shape one side does not know matches any: a file declares the
     * types of its outputs only, so the last of twelve layers knows what leaves it and the others do not.
     */
    static boolean compatible(long[] a, long[] b) {
        return compatible(a, b, b.length);
    }

    /** {@link #compatible(long[], long[])} with the first {@code bLength} values of {@code b}. */
    private static boolean compatible(long[] a, long[] b, int bLength) {
        if (a.length != bLength) {
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

    /**
     * Writes canonical forms on one thread: the positions of the block being encoded, the buffers, and a cache of
     * codes by identity (the reader shares one object for equal shapes and attribute lists, so most values are found
     * there without hashing them).
     */
    private final class Encoder {
        /** By node number: its position in the block last encoded, valid where {@link #stampOf} is {@link #stamp}. */
        private final int[] position = new int[model.nodeNumbers()];
        private final int[] stampOf = new int[model.nodeNumbers()];
        private final Map<Object, Integer> codesByIdentity = new IdentityHashMap<>();
        /** By module number: whether its weights were written for the block being encoded (= {@link #stamp}). */
        private final int[] weightsWritten = new int[placeCodes.length];
        private final LongBuffer out = new LongBuffer(256);
        private final LongBuffer weights = new LongBuffer(16);
        private int stamp;

        /** The canonical form of {@code block}'s inside. */
        long[] form(int block) {
            encode(block);
            return out.toArray();
        }

        /** Whether {@code block}'s form is {@link #compatible} with {@code form}, compared where it was written. */
        boolean matches(long[] form, int block) {
            encode(block);
            return compatible(form, out.values, out.size);
        }

        private void encode(int block) {
            int[] nodes = scopes.nodesOf(block);
            stamp++;
            for (int k = 0; k < nodes.length; k++) {
                position[nodes[k]] = k;
                stampOf[nodes[k]] = stamp;
            }
            out.clear();
            weights.clear();
            int lastScope = ModuleScopes.NONE - 1;
            long[] lastPlace = null;
            for (int number : nodes) {
                Node n = model.nodeAt(number);
                int scope = scopes.moduleOfNode(number);
                if (scope != lastScope) { // neighbours mostly share their scope: its place is worked out once
                    lastScope = scope;
                    lastPlace = place(block, scope);
                    weights(block, scope);
                }
                out.addAll(lastPlace, lastPlace.length);
                node(n);
                // each list is preceded by its length, so that no two different blocks can write the same numbers
                Set<TensorEdge> inputs = model.incomingEdgesOf(number);
                out.add(inputs.size());
                for (TensorEdge e : inputs) {
                    int source = model.sourceNumberOf(e);
                    if (stampOf[source] == stamp) {
                        out.add(position[source]); // inside: the operations and weights fix its type and shape
                    } else {
                        out.add(OUTSIDE);
                        tensor(e.tensor());
                    }
                }
                // each tensor leaving once: how many readers it has outside depends on what follows the block
                int lengthAt = out.size();
                out.add(0);
                String lastLeaving = null;
                for (TensorEdge e : model.outgoingEdgesOf(number)) {
                    if (stampOf[model.targetNumberOf(e)] != stamp && !leftAlready(number, e, lastLeaving)) {
                        tensor(e.tensor());
                        out.increment(lengthAt);
                        lastLeaving = e.tensor().name();
                    }
                }
            }
            out.add(weights.size());
            out.addAll(weights.values, weights.size);
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

        private void node(Node n) {
            out.add(n instanceof OperationNode ? 1 : n instanceof InputNode ? 2 : n instanceof OutputNode ? 3 : 4);
            if (n instanceof OperationNode op) {
                out.add(code(op.opType()));
                out.add(code(op.domain()));
                out.add(code(op.attributes()));
                out.add(op.parameterCount());
            } else if (n instanceof InputNode in) {
                tensor(in.tensor());
            } else if (n instanceof OutputNode o) {
                tensor(o.tensor());
            } else if (n instanceof ModuleNode m) {
                out.add(code(List.of(String.valueOf(m.module().className()), m.opTypes())));
                out.add(m.operationCount());
                out.add(m.parameterCount());
            }
        }

        /**
         * A tensor's element type and shape as one number: the pair of their codes, below {@link #UNKNOWN_SHAPE}. A
         * tensor of no known shape is {@link #UNKNOWN_SHAPE} even with a type: onnxruntime's quantizer declares the
         * types of inner tensors without shapes, so that only the last layer, whose output the file declares in
         * full, would otherwise differ from the others.
         */
        private void tensor(TensorInfo tensor) {
            boolean unknown = tensor.shape() == null;
            out.add(unknown ? UNKNOWN_SHAPE
                    : UNKNOWN_SHAPE - 1 - (((long) code(tensor.elementType()) << 32) | code(tensor.shape())));
        }

        /**
         * The weights of {@code scope} and of its ancestors inside {@code block} not written yet, each with its
         * place: the weights of a block belong to the modules its nodes sit in, or to their ancestors (shared by
         * several).
         */
        private void weights(int block, int scope) {
            for (int p = scope; weightsWritten[p] != stamp; p = scopes.parentOf(p)) {
                weightsWritten[p] = stamp;
                List<Parameter> own = parametersByModule.get(p);
                if (own != null) {
                    long[] place = place(block, p);
                    for (Parameter parameter : own) {
                        weights.addAll(place, place.length);
                        weights.add(code(parameter.elementType()));
                        weights.add(sharedCode(parameter.dims())); // each weight has its own list: no identity
                    }
                }
                if (p == block) {
                    break;
                }
            }
        }

        /** Where {@code scope} sits inside {@code block}: how many levels below it, and each level's place code. */
        private long[] place(int block, int scope) {
            int levels = 0;
            for (int p = scope; p != block; p = scopes.parentOf(p)) {
                levels++;
            }
            long[] place = new long[levels + 1];
            place[0] = levels;
            int p = scope;
            for (int i = levels; i >= 1; i--, p = scopes.parentOf(p)) {
                place[i] = placeCode(p);
            }
            return place;
        }

        private int code(Object value) {
            if (value == null) {
                return 0;
            }
            Integer known = codesByIdentity.get(value);
            if (known == null) {
                known = sharedCode(value);
                codesByIdentity.put(value, known);
            }
            return known;
        }
    }

    private int code(Object value) {
        return value == null ? 0 : sharedCode(value);
    }

    /** The number of a value in the shared table, given on first sight. */
    private int sharedCode(Object value) {
        return codes.computeIfAbsent(value, v -> lastCode.incrementAndGet());
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

        void addAll(long[] more, int count) {
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + count));
            }
            System.arraycopy(more, 0, values, size, count);
            size += count;
        }

        void clear() {
            size = 0;
        }

        void increment(int index) {
            values[index]++;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
