package io.github.nnvizonnx.api;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.shapes.ShapeRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Models read once and drawn many times: requests given the same cache ({@link Nnviz#cache}) that read the same file
 * with the same hierarchy convention and shape settings share one reading and one shape run, whatever their views.
 * Safe to share between threads: a request for a model being read waits for that reading. A file changed on disk
 * (its size or modification time) is read again. Warnings of a reading go to the reporter of the request that read
 * it; a reading that failed fails the same way for every request after it.
 */
public final class ModelCache {
    private final ConcurrentHashMap<Key, FutureTask<ModelGraph>> models = new ConcurrentHashMap<>();

    /** What makes two readings the same. */
    record Key(Path file, long size, long modified, String name, String hierarchy, ShapeRequest shapes) {
    }

    static Key key(ModelInput input, String hierarchy, ShapeRequest shapes) {
        Path file = input.file().toAbsolutePath().normalize();
        long size = -1;
        long modified = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            // the reading itself reports what is wrong with the file
        }
        return new Key(file, size, modified, input.name(), hierarchy, shapes);
    }

    /** The model {@code key} names, read by {@code reading} the first time it is asked for. */
    ModelGraph model(Key key, Supplier<ModelGraph> reading) throws IOException {
        FutureTask<ModelGraph> task = new FutureTask<>(reading::get);
        FutureTask<ModelGraph> existing = models.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
        }
        try {
            return (existing != null ? existing : task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key.name() + " to be read", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
