package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The shapes pass: gives the tensors of a model the shapes the user asked for. {@code none} removes them;
 * {@code declared} keeps what the file declares, with the user's {@code --dim}/{@code --input} bound into the
 * top-level graph; {@code run} then measures every top-level tensor with onnxruntime: once with the inputs' free dims at example
 * sizes, and once more per free dim with that dim changed, so that each measured dim is written as the function of
 * the free dims it follows ({@code batch×sequence×384}, {@code N×64×H/4×W/4}).
 *
 * <p>When calls of local functions are drawn as modules, the run is of the model with those calls inlined
 * ({@link FunctionInliner}), and every tensor inside a call is measured as that call made it and written on the edges
 * that carry it ({@link InnerTensors}); should the inlined model not run, the file as it is still gives the top-level
 * shapes. Models without such calls run as they are, with nothing parsed ({@link AugmentedModel}). Tensors inside
 * control-flow bodies keep their declared shapes: which branch or iteration made them is not observed, and nothing is
 * invented for them. When a run cannot be made the declared shapes stay and the outcome's warning says why.
 */
public final class Shapes {
    /** A run that takes longer than this gets a status line. */
    public static final Duration STATUS_AFTER = Duration.ofSeconds(1);

    private final RunnerSource runners;
    private final Duration statusAfter;

    /** The pass with onnxruntime, run in a child process of its own when a run happens. */
    public Shapes() {
        this(STATUS_AFTER, RunnerSource.isolated());
    }

    /** The pass with runners from {@code runners}: a child already started while the model was read, say. */
    public static Shapes using(RunnerSource runners) {
        return new Shapes(STATUS_AFTER, runners);
    }

    Shapes(Supplier<ShapeRunner> runners, Duration statusAfter) {
        this(statusAfter, request -> runners.get());
    }

    private Shapes(Duration statusAfter, RunnerSource runners) {
        this.runners = runners;
        this.statusAfter = statusAfter;
    }

    /**
     * Applies {@code request} to {@code model}, read from {@code file}. {@code status} receives a line when a run
     * takes long. Throws {@link ShapeRequestException} when the request names inputs or dims the model lacks.
     */
    public ShapeOutcome apply(ModelGraph model, Path file, ShapeRequest request, Consumer<String> status) {
        if (request.mode() == ShapeMode.NONE) {
            return new ShapeOutcome(Retype.apply(model, (t, topLevel) -> t.withType(t.elementType(), null)), null,
                    List.of());
        }
        List<InputNode> inputs = Bindings.topLevelInputs(model);
        DimNames names = DimNames.of(model, inputs);
        Bindings bindings = Bindings.of(inputs, request, names);
        ModelGraph declared = bindings.isEmpty() && names.changeNothing() ? model
                : Retype.apply(model, (t, topLevel) -> names.rename(topLevel ? bindings.bind(t) : t, topLevel));
        if (request.mode() == ShapeMode.DECLARED) {
            return new ShapeOutcome(declared, null, List.of());
        }
        try {
            return measure(model, declared, file, request, bindings, status);
        } catch (ShapeRunException e) {
            return new ShapeOutcome(declared, e.getMessage(), List.of());
        }
    }

    private ShapeOutcome measure(ModelGraph model, ModelGraph declared, Path file, ShapeRequest request,
                                 Bindings bindings, Consumer<String> status) throws ShapeRunException {
        // counted with every local function call expanded, as onnxruntime loads it (and as the inliner would expand
        // it): a few KB of functions calling each other twice are 2^40 operations, however few the reader drew
        long drawn = model.nodes(OperationNode.class).size();
        long operations = model.expandedOperationCount();
        if (operations > request.operationLimit()) {
            String count = operations == Long.MAX_VALUE ? "more operations than can be counted"
                    : String.format(java.util.Locale.ROOT, "%,d operations", operations);
            throw new ShapeRunException(String.format(java.util.Locale.ROOT, "not running onnxruntime on %s%s,"
                    + " over the limit of %,d (--shapes-operation-limit)", count, operations > drawn
                    ? " (its local functions expanded)" : "", request.operationLimit()));
        }
        Path folder = ExternalDataCheck.folder(file, model.info());
        for (InputNode input : bindings.inputs()) {
            TensorInfo tensor = input.tensor();
            if (tensor.elementType() != null && tensor.elementType().contains("(")) {
                throw new ShapeRunException("input '" + tensor.name() + "' is " + tensor.elementType()
                        + ", not a tensor; only tensor inputs can be filled");
            }
        }
        FreeDims free = FreeDims.of(bindings.inputs(), bindings);
        Map<String, TensorInfo> inputs = free.baseTensors(bindings.inputs());
        InnerTensors inner = InnerTensors.of(model, file);
        long need = MemoryEstimate.bytes(model, inputs, bindings, inner);
        if (need > request.memoryLimitBytes()) {
            String[] sizes = ByteText.apart(need, request.memoryLimitBytes());
            throw new ShapeRunException("not running onnxruntime: its inputs and tensors would take about "
                    + sizes[0] + ", over the limit of " + sizes[1] + " (--shapes-memory-limit)");
        }
        List<List<RunInput>> variants = new ArrayList<>();
        for (int i = 0; i < free.dims().size(); i++) {
            variants.add(free.inputs(i));
        }
        List<String> topLevelOutputs = extraOutputs(model, inputs.keySet());
        List<String> notes = new ArrayList<>();
        if (inner.unmatched() != null) {
            notes.add("tensors inside functions keep their declared shapes: " + inner.unmatched());
        }
        List<String> extra = new ArrayList<>(topLevelOutputs);
        extra.addAll(inner.runNames());
        RunPlan plan = new RunPlan(file, folder, free.inputs(-1), extra, variants, inner.inlines());
        Runs done = runOrFallBack(plan, topLevelOutputs, inner, request, free, status, notes);
        List<Map<String, TensorInfo>> perturbed = done.runs().subList(1, done.runs().size());
        boolean everyRunWorked = perturbed.stream().allMatch(java.util.Objects::nonNull);
        Map<String, TensorInfo> measured = everyRunWorked
                ? SymbolicShapes.fit(done.runs().get(0), free.dims(), perturbed) : done.runs().get(0);
        ModelGraph result = Retype.apply(declared, (t, topLevel, producer) -> {
            TensorInfo m = measured.get(done.returned().runName(t.name(), topLevel, producer));
            return m == null ? t : new TensorInfo(t.name(), m.elementType() != null ? m.elementType()
                    : t.elementType(), m.shape() != null ? m.shape() : t.shape());
        });
        if (!everyRunWorked) {
            notes.add("the model did not run with its free dims changed, so the sizes are drawn as measured with "
                    + DisplayText.clip(free.describe(), 200));
        }
        return new ShapeOutcome(result, null, notes);
    }

    /** What the runs saw, the base run first, and the tensors inside calls among it ({@code NONE}: none). */
    private record Runs(List<Map<String, TensorInfo>> runs, InnerTensors returned) {
    }

    /**
     * Runs {@code plan}; when it inlines calls and fails, runs the file as it is with the time left, for its
     * top-level tensors ({@code topLevelOutputs}), and says so in {@code notes}.
     */
    private Runs runOrFallBack(RunPlan plan, List<String> topLevelOutputs, InnerTensors inner, ShapeRequest request,
                               FreeDims free, Consumer<String> status, List<String> notes) throws ShapeRunException {
        Duration limit = request.timeLimit();
        long start = System.nanoTime();
        try {
            return new Runs(runAll(plan, request, limit, free, status), inner);
        } catch (ShapeRunException e) {
            Duration left = limit.minusNanos(System.nanoTime() - start);
            if (!plan.inlineFunctions() || left.isNegative() || left.isZero()) {
                throw e;
            }
            // The file as it is may run where its inlined form does not (an opset a function imports differently).
            Runs fallBack = new Runs(runAll(plan.withoutInlining(topLevelOutputs), request, left, free, status),
                    InnerTensors.NONE);
            notes.add("tensors inside functions keep their declared shapes: the model did not run with its"
                    + " functions inlined (" + DisplayText.clip(e.getMessage(), 200) + ")");
            return fallBack;
        }
    }

    /** Runs {@code plan} and its variants within {@code limit}, with a runner of its own; the base run first. */
    private List<Map<String, TensorInfo>> runAll(RunPlan plan, ShapeRequest request, Duration limit, FreeDims free,
                                                 Consumer<String> status) throws ShapeRunException {
        try (ShapeRunner runner = load(request)) {
            return TimedRun.call(() -> runner.runAll(plan), limit, statusAfter,
                    () -> status.accept("measuring tensor shapes with onnxruntime (at most "
                            + TimedRun.seconds(limit) + ")..."), runner::cancel);
        } catch (ShapeRunException e) {
            throw free.isEmpty() ? e : new ShapeRunException(e.getMessage() + "; the inputs' free dims were "
                    + "set to example sizes; bind them to sizes the model takes: " + DisplayText.clip(free.describe(),
                    200), e);
        }
    }

    /** Every top-level tensor the graph draws, except the inputs (fed) and the graph's own outputs (returned). */
    private static List<String> extraOutputs(ModelGraph model, Set<String> inputs) {
        Set<String> outputs = new LinkedHashSet<>();
        model.nodes(OutputNode.class).stream().filter(n -> n.scope().isRoot())
                .forEach(n -> outputs.add(n.tensor().name()));
        Set<String> extra = new LinkedHashSet<>();
        for (TensorEdge e : model.graph().edgeSet()) {
            String name = e.tensor().name();
            if (e.isTopLevel() && !name.isEmpty() && !inputs.contains(name) && !outputs.contains(name)) {
                extra.add(name);
            }
        }
        return List.copyOf(extra);
    }

    private ShapeRunner load(ShapeRequest request) throws ShapeRunException {
        try {
            return runners.open(request);
        } catch (LinkageError e) {
            throw new ShapeRunException("onnxruntime is not available (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }
}
