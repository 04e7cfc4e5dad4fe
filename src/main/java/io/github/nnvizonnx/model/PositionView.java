package io.github.nnvizonnx.model;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A read-only set of the elements at positions {@code [0, limit())} that are visible: {@link CompactGraph}'s vertex,
 * edge and incidence sets, which skip what a view hides without copying. Its size is counted once, when first asked
 * (without hidden nodes, it is known).
 */
abstract class PositionView<T> extends AbstractSet<T> {
    private int size = -1;

    abstract int limit();

    abstract boolean visible(int position);

    abstract T at(int position);

    int countVisible() {
        int count = 0;
        for (int p = 0; p < limit(); p++) {
            if (visible(p)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int p = from;
                while (p < limit() && !visible(p)) {
                    p++;
                }
                return p;
            }

            @Override
            public boolean hasNext() {
                return next < limit();
            }

            @Override
            public T next() {
                if (next >= limit()) {
                    throw new NoSuchElementException();
                }
                T element = at(next);
                next = advance(next + 1);
                return element;
            }
        };
    }

    @Override
    public int size() {
        if (size < 0) {
            size = countVisible();
        }
        return size;
    }
}
