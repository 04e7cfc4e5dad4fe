package io.github.nnvizonnx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Not API. The implementations of a plug-in interface listed in {@code META-INF/services} on the class path. */
public final class Plugins {
    private Plugins() {
    }

    /** A fresh instance of each implementation of {@code type}, in class-path order. */
    public static <T> List<T> installed(Class<T> type) {
        List<T> result = new ArrayList<>();
        // this library's class loader: it sees the plug-ins next to the library, whoever calls
        ServiceLoader.load(type, Plugins.class.getClassLoader()).forEach(result::add);
        return result;
    }
}
