package io.github.nnvizonnx.read;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared instance per distinct value. A large graph names the same tensor in a value_info, as a node's output and
 * as other nodes' inputs, and declares the same few shapes a million times; each parse would otherwise keep a copy.
 */
final class Interner<T> {
    private final Map<T, T> seen = new HashMap<>();

    T intern(T value) {
        if (value == null) {
            return null;
        }
        T known = seen.putIfAbsent(value, value);
        return known == null ? value : known;
    }
}
