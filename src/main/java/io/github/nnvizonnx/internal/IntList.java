package io.github.nnvizonnx.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable list of ints without boxing: a million-node graph keeps its edge ends, pending reads and work stacks in
 * a few of these rather than in lists of {@code Integer}. Not API (see the package comment).
 */
public final class IntList {
    private static final int[] EMPTY = new int[0];
    private static final int FIRST_CAPACITY = 16;

    private int[] values;
    private int size;

    /** An empty list that allocates on its first {@link #add}: many short-lived lists stay empty. */
    public IntList() {
        values = EMPTY;
    }

    /** {@code capacity}: about how many values will be added (growing a huge list costs copying). */
    public IntList(int capacity) {
        values = new int[capacity];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(FIRST_CAPACITY, 2 * size));
        }
        values[size++] = value;
    }

    /** Adds every value of {@code more}, in order. */
    public void addAll(int[] more) {
        if (size + more.length > values.length) {
            values = Arrays.copyOf(values, Math.max(FIRST_CAPACITY, Math.max(2 * values.length, size + more.length)));
        }
        System.arraycopy(more, 0, values, size, more.length);
        size += more.length;
    }

    public int get(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    public void set(int index, int value) {
        values[Objects.checkIndex(index, size)] = value;
    }

    /** Removes the last value and returns it (the list used as a stack). */
    public int removeLast() {
        if (size == 0) {
            throw new IllegalStateException("the list is empty");
        }
        return values[--size];
    }

    public int last() {
        return get(size - 1);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Empties the list and keeps its room. */
    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
