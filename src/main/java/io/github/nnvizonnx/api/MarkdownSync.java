package io.github.nnvizonnx.api;

import io.github.nnvizonnx.convert.ModelSpec;
import io.github.nnvizonnx.internal.io.AtomicFile;
import io.github.nnvizonnx.sync.MarkdownDocument;
import io.github.nnvizonnx.sync.MarkdownFiles;
import io.github.nnvizonnx.sync.Marker;
import io.github.nnvizonnx.sync.MarkerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keeps the diagrams in Markdown files current: each line {@code <!-- nnviz-onnx MODEL [OPTIONS] -->} is followed by
 * a ```` ```mermaid ```` block of MODEL's diagram, which {@link #sync} writes (or adds) and {@link #check} only
 * compares. MODEL is relative to the Markdown file's folder, and so is the file of a spec such as
 * {@code net.py:Net}. What the OPTIONS mean is up to the {@link Diagrams} given; the command line's
 * {@code nnviz-onnx sync} reads them as its main command's options.
 * <pre>{@code
 * MarkdownSync.Report report = MarkdownSync.drawingWith(d -> d.request().view(View.defaults().depth(2)).text())
 *         .sync(List.of(Path.of("docs")));
 * }</pre>
 * Diagrams are drawn on several threads, each model read once for all its markers ({@link ModelCache}). A file is
 * written atomically, only when one of its blocks changed and none of its markers failed; the rest of it is kept
 * byte for byte.
 */
public final class MarkdownSync {
    /** Draws the Mermaid diagram of one marker; called from several threads at once. */
    @FunctionalInterface
    public interface Diagrams {
        /** The Mermaid text for {@code diagram}; any exception fails this marker only, with its message. */
        String mermaid(MarkedDiagram diagram) throws Exception;
    }

    /**
     * One marker to draw.
     *
     * @param document the Markdown file, as given
     * @param marker the marker, with its line and options
     * @param model MODEL as this process reaches it: a path resolved against the Markdown file's folder, or a spec
     *     (with its {@code .py} file resolved the same way)
     * @param cache the models read so far in this run, to be given to the request
     */
    public record MarkedDiagram(Path document, Marker marker, String model, ModelCache cache) {
        /** A Mermaid request for MODEL as a file (not a spec), sharing the run's cache; the caller adds the view. */
        public Nnviz request() {
            return Nnviz.read(Path.of(model)).cache(cache).format("mermaid");
        }
    }

    /**
     * What happened to one Markdown file.
     *
     * @param file the file, as given or found under a folder given
     * @param markers how many usable markers it has
     * @param current how many of them have the block of their diagram
     * @param stale the markers whose block was out of date or missing
     * @param failures what could not be drawn or read, by line (0: the file itself)
     * @param written whether the file was rewritten
     */
    public record FileReport(Path file, int markers, int current, List<Marker> stale, List<Failure> failures, boolean written) {
        public FileReport {
            stale = List.copyOf(stale);
            failures = List.copyOf(failures);
        }
    }

    /** A marker that could not be used or drawn ({@code line} from 1), or a file that could not be read (line 0). */
    public record Failure(int line, Exception cause) {
    }

    /** What happened to every file, in the order given. */
    public record Report(List<FileReport> files) {
        public Report {
            files = List.copyOf(files);
        }

        public int markers() {
            return files.stream().mapToInt(FileReport::markers).sum();
        }

        public int current() {
            return files.stream().mapToInt(FileReport::current).sum();
        }

        /** How many markers could not be used or drawn, and files not read. */
        public int failureCount() {
            return files.stream().mapToInt(f -> f.failures().size()).sum();
        }

        public int staleCount() {
            return files.stream().mapToInt(f -> f.stale().size()).sum();
        }

        public boolean failed() {
            return files.stream().anyMatch(f -> !f.failures().isEmpty());
        }
    }

    private final Diagrams diagrams;
    private int threads = Runtime.getRuntime().availableProcessors();

    private MarkdownSync(Diagrams diagrams) {
        this.diagrams = Objects.requireNonNull(diagrams, "diagrams");
    }

    /** A sync whose markers are drawn by {@code diagrams}. */
    public static MarkdownSync drawingWith(Diagrams diagrams) {
        return new MarkdownSync(diagrams);
    }

    /** How many diagrams are drawn at once; by default one per processor. */
    public MarkdownSync threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be 1 or more");
        }
        this.threads = count;
        return this;
    }

    /** Compares each block with its diagram; writes nothing. {@code paths}: Markdown files, or folders of them. */
    public Report check(List<Path> paths) {
        return run(paths, false);
    }

    /** Writes each block that differs from its diagram (or is missing). {@code paths}: files, or folders of them. */
    public Report sync(List<Path> paths) {
        return run(paths, true);
    }

    /** A Markdown file read, its markers, and their diagrams being drawn; no document when it could not be read. */
    private record Pending(Path file, MarkdownDocument document, Map<Marker, Future<String>> drawings,
                           List<Failure> failures) {
        static Pending failed(Path file, Exception cause) {
            return new Pending(file, null, Map.of(), List.of(new Failure(0, cause)));
        }
    }

    private Report run(List<Path> paths, boolean write) {
        ModelCache cache = new ModelCache();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "nnviz-onnx-sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Pending> started = new ArrayList<>();
            Set<Path> seen = new HashSet<>(); // README.md and ./README.md are one file, synced once
            for (Path path : paths) {
                List<Path> files;
                try {
                    files = MarkdownFiles.under(path);
                } catch (IOException | RuntimeException e) {
                    started.add(Pending.failed(path, e));
                    continue;
                }
                for (Path file : files) {
                    if (seen.add(file.toAbsolutePath().normalize())) {
                        started.add(start(file, cache, pool));
                    }
                }
            }
            List<FileReport> reports = new ArrayList<>();
            for (Pending pending : started) {
                reports.add(finish(pending, write));
            }
            return new Report(reports);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads {@code file} and starts drawing its markers. */
    private Pending start(Path file, ModelCache cache, ExecutorService pool) {
        MarkdownDocument document;
        try {
            document = MarkdownDocument.parse(utf8(Files.readAllBytes(file), file));
        } catch (IOException e) {
            return Pending.failed(file, e);
        }
        List<Failure> failures = new ArrayList<>();
        for (MarkerException problem : document.problems()) {
            failures.add(new Failure(problem.line(), problem));
        }
        Map<Marker, Future<String>> drawings = new LinkedHashMap<>();
        for (Marker marker : document.markers()) {
            MarkedDiagram diagram = new MarkedDiagram(file, marker, modelRelativeTo(file, marker.model()), cache);
            drawings.put(marker, pool.submit(() -> diagrams.mermaid(diagram)));
        }
        return new Pending(file, document, drawings, failures);
    }

    private static FileReport finish(Pending pending, boolean write) {
        if (pending.document() == null) {
            return new FileReport(pending.file(), 0, 0, List.of(), pending.failures(), false);
        }
        List<Failure> failures = new ArrayList<>(pending.failures());
        Map<Marker, String> drawn = new LinkedHashMap<>();
        for (Map.Entry<Marker, Future<String>> drawing : pending.drawings().entrySet()) {
            try {
                drawn.put(drawing.getKey(), drawing.getValue().get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error; // out of memory and the like: the command line reports them as itself
                }
                failures.add(new Failure(drawing.getKey().line(), (Exception) cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new Failure(drawing.getKey().line(), e));
            }
        }
        failures.sort(java.util.Comparator.comparingInt(Failure::line));
        MarkdownDocument.Update update = pending.document().update(drawn);
        boolean written = false;
        if (write && failures.isEmpty() && !update.stale().isEmpty()) {
            try {
                byte[] bytes = update.text().getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(pending.file(), out -> out.write(bytes));
                written = true;
            } catch (IOException e) {
                failures.add(new Failure(0, e));
            }
        }
        return new FileReport(pending.file(), pending.drawings().size(), drawn.size() - update.stale().size(),
                update.stale(), failures, written);
    }

    /** The text of {@code bytes}, which must be UTF-8: anything else could not be written back unchanged. */
    private static String utf8(byte[] bytes, Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
    }

    /**
     * MODEL of a marker in {@code document}, reached from this process: a path against the document's folder; a spec
     * {@code file.py:Symbol[;args]} with its file resolved the same way; a torchvision name or a module spec as it is.
     */
    static String modelRelativeTo(Path document, String model) {
        Path folder = document.getParent();
        if (folder == null) {
            return model;
        }
        Path asFile;
        try {
            asFile = folder.resolve(model);
        } catch (InvalidPathException e) {
            return model;
        }
        if (Files.exists(asFile)) {
            return asFile.toString();
        }
        Optional<ModelSpec> spec;
        try {
            spec = ModelSpec.recognise(model);
        } catch (IllegalArgumentException e) {
            return model; // drawing it reports what is wrong with it
        }
        if (spec.isEmpty()) {
            return asFile.toString();
        }
        if (spec.get().kind() != ModelSpec.Kind.FILE) {
            return model;
        }
        String target = spec.get().target();
        String stripped = model.strip();
        return folder.resolve(target) + stripped.substring(target.length());
    }
}
