package io.github.nnvizonnx.api;

import io.github.nnvizonnx.diff.ModelDiff;
import io.github.nnvizonnx.emit.Direction;
import io.github.nnvizonnx.emit.DrawOptions;
import io.github.nnvizonnx.emit.Emitter;
import io.github.nnvizonnx.emit.Emitters;
import io.github.nnvizonnx.emit.Medium;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.ExternalDataPolicy;
import io.github.nnvizonnx.read.ModelReader;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.shapes.RuntimePreload;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.shapes.ShapeOutcome;
import io.github.nnvizonnx.shapes.ShapeRequest;
import io.github.nnvizonnx.shapes.Shapes;
import io.github.nnvizonnx.transform.ControlFlowShare;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The library's entry point: one request that walks the whole pipeline, read → shapes → view → write.
 * <pre>{@code
 * String mermaid = Nnviz.read(Path.of("model.onnx")).view(View.defaults().depth(3)).text();
 * Nnviz.read(Path.of("model.onnx")).format("dot").writeTo(Path.of("model.dot"));
 * }</pre>
 * Each setting returns this request; {@link #draw()} (or {@link #text()}, {@link #writeTo}) runs it. Defaults: the
 * hierarchy convention detected from the file, the shapes the file declares (no onnxruntime run), {@link
 * View#defaults()}, the default style, Mermaid at the depth asked for. If/Loop/Scan bodies are drawn open when their
 * black boxes would hide more than half of the model's operations ({@link Drawing#controlFlowNote()}).
 *
 * <p>Failures are exceptions: {@link io.github.nnvizonnx.read.InvalidModelException} for a file that is not a model,
 * {@link io.github.nnvizonnx.transform.UnknownModuleException} for a layer or module the model lacks,
 * {@link io.github.nnvizonnx.shapes.ShapeRequestException} for shapes given to inputs the model lacks, and
 * {@link IllegalArgumentException} for an unknown format or hierarchy convention.
 */
public final class Nnviz {
    private final ModelInput input;
    /** The model {@link #input} is compared with ({@link #diff}), or null for a drawing of one model. */
    private final ModelInput oldInput;
    private String hierarchy = "auto";
    private ShapeRequest shapes = ShapeRequest.of(ShapeMode.DECLARED);
    private View view = View.defaults();
    private DrawOptions style = DrawOptions.defaults().withDirection(Direction.AUTO);
    private Fit fit = Fit.NONE;
    private Medium medium;
    private Emitter emitter;
    private Reporter reporter = Reporter.SILENT;
    private ModelCache cache;

    private Nnviz(ModelInput input, ModelInput oldInput) {
        this.input = Objects.requireNonNull(input, "input");
        this.oldInput = oldInput;
    }

    /** A request to draw the model in {@code file}: ONNX, or JSON written by the {@code json} format. */
    public static Nnviz read(Path file) {
        return read(ModelInput.file(file));
    }

    /** A request to draw the model {@code input} gives (a file, or the export of a converted model). */
    public static Nnviz read(ModelInput input) {
        return new Nnviz(input, null);
    }

    /**
     * A request to draw the comparison of two models: one diagram of {@code newModel} with what was added, removed
     * (drawn ghosted where it was) and changed marked ({@link io.github.nnvizonnx.diff.ModelDiff}); both are read
     * with the same settings, and {@link Drawing#diffSummary()} counts the differences.
     * <pre>{@code
     * Drawing d = Nnviz.diff(Path.of("resnet18.onnx"), Path.of("resnet34.onnx")).format("svg").draw();
     * }</pre>
     */
    public static Nnviz diff(Path oldModel, Path newModel) {
        return diff(ModelInput.file(oldModel), ModelInput.file(newModel));
    }

    /** {@link #diff(Path, Path)} of two inputs (files, or the exports of converted models). */
    public static Nnviz diff(ModelInput oldModel, ModelInput newModel) {
        return new Nnviz(newModel, Objects.requireNonNull(oldModel, "oldModel"));
    }

    /**
     * How module scopes are read from an ONNX file: {@code auto} (detected per file) or the name of an installed
     * {@link io.github.nnvizonnx.read.hierarchy.HierarchyConvention} ({@code torch}, {@code dynamo}, {@code tf},
     * {@code functions}, {@code flat}, or a plug-in's).
     */
    public Nnviz hierarchy(String convention) {
        this.hierarchy = Objects.requireNonNull(convention, "convention");
        return this;
    }

    /** Where edge shapes come from, with the limits of an onnxruntime run. */
    public Nnviz shapes(ShapeRequest request) {
        this.shapes = Objects.requireNonNull(request, "request");
        return this;
    }

    /**
     * Where edge shapes come from, with default limits. {@link ShapeMode#RUN} needs onnxruntime on the class path;
     * without it the declared shapes are drawn and the {@link Reporter} gets a warning.
     */
    public Nnviz shapes(ShapeMode mode) {
        return shapes(ShapeRequest.of(mode));
    }

    /** How much of the model to draw. */
    public Nnviz view(View newView) {
        this.view = Objects.requireNonNull(newView, "view");
        return this;
    }

    /** How the diagram looks: direction, style, legend. */
    public Nnviz style(DrawOptions options) {
        this.style = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Where the drawing is shown, for {@link Direction#AUTO}: by default from the format (Mermaid in a Markdown
     * column, PDF on a page, the rest on a screen). Mermaid is always fitted to the column.
     */
    public Nnviz medium(Medium where) {
        this.medium = Objects.requireNonNull(where, "where");
        return this;
    }

    /** Whether a Mermaid diagram's depth is lowered to fit GitHub. */
    public Nnviz fit(Fit newFit) {
        this.fit = Objects.requireNonNull(newFit, "fit");
        return this;
    }

    /** The output format by name ({@code mermaid}, {@code dot}, {@code json}, …; see {@link Emitters#installed()}). */
    public Nnviz format(String name) {
        return emitter(Emitters.byFormat(name).orElseThrow(() -> new IllegalArgumentException("unknown format '"
                + name + "' (installed: " + String.join(", ", Emitters.formatNames()) + ")")));
    }

    /** The output format as an emitter, installed or not. */
    public Nnviz emitter(Emitter newEmitter) {
        this.emitter = Objects.requireNonNull(newEmitter, "emitter");
        return this;
    }

    /** Who hears about progress, warnings and notes; by default nobody. */
    public Nnviz reporter(Reporter newReporter) {
        this.reporter = Objects.requireNonNull(newReporter, "reporter");
        return this;
    }

    /**
     * Takes the model from {@code shared} when a request with the same file, hierarchy convention and shapes read it
     * before, and leaves it there for the next: drawing one model with several views reads and runs it once.
     */
    public Nnviz cache(ModelCache shared) {
        this.cache = Objects.requireNonNull(shared, "shared");
        return this;
    }

    /** Runs the pipeline: reads the model, gives it shapes, chooses the view; writing is left to the drawing. */
    public Drawing draw() throws IOException {
        Emitter chosen = emitter != null ? emitter : Emitters.mermaid();
        Read read = readWithShapes();
        ModelGraph full = read.model();
        Marking marking = new Marking(full, read.marks());
        boolean mermaid = chosen.format().equals("mermaid") || chosen.format().equals("markdown");
        if (mermaid && fit == Fit.GITHUB) {
            GithubFitting.Drawn drawn = GithubFitting.choose(full, read.view(), style, marking, reporter);
            return new Drawing(full, drawn.diagram(), drawn.view(), chosen, drawn.note(), read.openedNote());
        }
        Medium where = mermaid ? Medium.COLUMN : medium != null ? medium : Medium.forFormat(chosen.format());
        DetailFitting.Drawn drawn = DetailFitting.fit(read.view(), style.direction(), where,
                v -> new DetailFitting.Drawn(marking.diagram(Views.apply(full, v, marking::foldGroup), v, style,
                        () -> Views.prepare(full, v.withFold(false), marking::foldGroup)), v));
        return new Drawing(full, drawn.diagram(), drawn.view(), chosen,
                DetailFitting.note(drawn.view(), read.view(), where), read.openedNote());
    }

    /** Runs the pipeline and returns the drawing as text. */
    public String text() throws IOException {
        return draw().text();
    }

    /** Runs the pipeline and writes the drawing to {@code out}, which stays open. */
    public void writeTo(OutputStream out) throws IOException {
        draw().writeTo(out);
    }

    /** Runs the pipeline and writes the drawing to {@code file}, atomically. */
    public void writeTo(Path file) throws IOException {
        draw().writeTo(file);
    }

    /**
     * The model read, and the view options with the modules they name resolved in it ({@link Views}) and its
     * If/Loop/Scan opened when they hold most of it ({@link ControlFlowShare}); {@code openedNote} says so, or is empty.
     */
    private record Read(ModelGraph model, ViewOptions view, String openedNote, ChangeMarks marks) {
    }

    /** A model read with its shapes, and the view options checked against it (or null when not asked to). */
    private record Loaded(ModelGraph model, ViewOptions view) {
    }

    /**
     * The model with the shapes asked for (from the cache when there is one), or the comparison of two such models;
     * the view's modules resolved in it, and its If/Loop/Scan opened when they hold most of it.
     */
    private Read readWithShapes() throws IOException {
        if (oldInput == null) {
            if (cache == null) {
                Loaded one = load(input, view.options());
                return opened(one.model(), one.view(), ChangeMarks.NONE);
            }
            // a cached reading serves other views: the view is checked after it, not failing the reading
            ModelGraph model = cache.model(ModelCache.key(input, hierarchy, shapes), () -> load(input, null).model());
            return opened(model, Views.resolveNamedModules(model, view.options()), ChangeMarks.NONE);
        }
        ModelGraph[] oldAndNew = loadOldBesideNew();
        ModelDiff diff = ModelDiff.of(oldAndNew[0], oldAndNew[1]);
        return opened(diff.merged(), Views.resolveNamedModules(diff.merged(), view.options()), diff.marks());
    }

    /**
     * The two models of a comparison, read at the same time on two threads (a plain thread for the old one: the
     * reader itself hands work to the common pool, which on two cores has one worker).
     */
    private ModelGraph[] loadOldBesideNew() throws IOException {
        CompletableFuture<ModelGraph> old = new CompletableFuture<>();
        Thread reading = new Thread(() -> {
            try {
                old.complete(load(oldInput, null).model());
            } catch (Throwable t) {
                old.completeExceptionally(t);
            }
        }, "nnviz-read-old");
        reading.setDaemon(true);
        reading.start();
        ModelGraph current = load(input, null).model();
        try {
            return new ModelGraph[] {old.get(), current};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + oldInput.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    private static Read opened(ModelGraph model, ViewOptions resolved, ChangeMarks marks) {
        ControlFlowShare share = ControlFlowShare.of(model);
        ViewOptions opened = share.open(resolved);
        return new Read(model, opened, opened == resolved ? "" : share.openedNote(resolved), marks);
    }

    /**
     * {@code source} read with the shapes asked for; onnxruntime, when it will run, loads while the model is read.
     * The modules {@code toResolve} names (unless null) are resolved first, so that a typo is reported before the
     * model runs (shapes change no module).
     */
    private Loaded load(ModelInput source, ViewOptions toResolve) {
        // A JSON model already carries the shapes it was written with; only ONNX files can be run.
        boolean onnx = !ModelReader.looksLikeJson(source.file());
        boolean run = onnx && shapes.mode() == ShapeMode.RUN;
        // The run's process starts while the model is read, unless the model is plainly over the operation limit:
        // then no run is made, and starting it would only take the other core from the reading.
        try (RuntimePreload preload = RuntimePreload.startIf(run && Files.isRegularFile(source.file()), shapes,
                () -> OnnxReader.mainGraphNodeCount(source.file()) <= shapes.operationLimit())) {
            OnnxReader.Options options = new OnnxReader.Options(hierarchy);
            ModelGraph read = source.read(file -> ModelReader.read(file, source.name(), options));
            ViewOptions resolved = toResolve == null ? null : Views.resolveNamedModules(read, toResolve);
            for (String warning : read.info().warnings()) {
                // a run reports the external data it refuses to read itself, in its own warning
                if (!run || !ExternalDataPolicy.isReaderNote(warning)) {
                    reporter.warning(read.info().source() + ": " + warning);
                }
            }
            return new Loaded(onnx ? withShapes(read, source, preload) : read, resolved);
        }
    }

    private ModelGraph withShapes(ModelGraph read, ModelInput source, RuntimePreload preload) {
        ShapeOutcome outcome = Shapes.using(preload.runners()).apply(read, source.file(), shapes, reporter::status);
        if (outcome.warning() != null) {
            reporter.warning(outcome.warning() + "; edges show the declared shapes");
        }
        outcome.notes().forEach(reporter::note);
        return outcome.model();
    }
}
