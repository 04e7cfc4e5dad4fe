package io.github.nnvizonnx.diff;

import java.util.HashMap;
import java.util.Map;

/** Things of two compared models paired one to one, looked up from either side. */
final class Pairs<T> {
    private final Map<T, T> newToOld = new HashMap<>();
    private final Map<T, T> oldToNew = new HashMap<>();

    void pair(T newOne, T oldOne) {
        newToOld.put(newOne, oldOne);
        oldToNew.put(oldOne, newOne);
    }

    /** The old thing paired with {@code newOne}, or null. */
    T oldOf(T newOne) {
        return newToOld.get(newOne);
    }

    /** The new thing paired with {@code oldOne}, or null. */
    T newOf(T oldOne) {
        return oldToNew.get(oldOne);
    }

    boolean hasNew(T newOne) {
        return newToOld.containsKey(newOne);
    }

    boolean hasOld(T oldOne) {
        return oldToNew.containsKey(oldOne);
    }
}
