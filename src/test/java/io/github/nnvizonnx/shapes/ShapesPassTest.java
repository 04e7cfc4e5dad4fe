package io.github.nnvizonnx.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.HostileRuns;
import io.github.nnvizonnx.testsupport.NestedScopesModel;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pass with a stand-in runner: what it maps back, what it never invents, time limit and status line. */
class ShapesPassTest {
    @TempDir
    Path dir;

    private Path file;
    private ModelGraph model;

    /** {@link NestedScopesModel}: top-level tensors, a function body and If branches. */
    @BeforeEach
    void read() {
        file = NestedScopesModel.write(dir);
        model = OnnxReader.read(file);
    }

    /** Answers every tensor name of the model but the inputs (which it would report as fed) with 9×9. */
    private static class EverythingIsNineByNine implements ShapeRunner {
        final List<RunPlan> plans = new ArrayList<>();

        @Override
        public Map<String, TensorInfo> run(RunPlan plan) {
            plans.add(plan);
            Map<String, TensorInfo> seen = new HashMap<>();
            for (String name : List.of("h", "b", "y", "z", "t", "e", "a", "c")) {
                seen.put(name, new TensorInfo(name, "float16", Shape.of(9, 9)));
            }
            return seen;
        }

        @Override
        public void cancel() {
        }
    }

    private static TensorEdge edgeInto(ModelGraph g, String consumer) {
        return g.graph().edgeSet().stream()
                .filter(e -> g.graph().getEdgeTarget(e) instanceof OperationNode op && op.name().equals(consumer))
                .findFirst().orElseThrow();
    }

    @Test
    void measuredShapesGoOnTopLevelTensorsByTheirNames() {
        EverythingIsNineByNine runner = new EverythingIsNineByNine();
        ShapeOutcome outcome = new Shapes(() -> runner, Duration.ofSeconds(1))
                .apply(model, file, ShapeRequest.of(ShapeMode.RUN), status -> { });
        assertNull(outcome.warning());
        ModelGraph g = outcome.model();
        assertEquals("9×9", edgeInto(g, "last").tensor().shape().compact(), "top-level b, the call's output");
        assertEquals("float16", edgeInto(g, "last").tensor().elementType());
        assertEquals("9×9", edgeInto(g, "inner_relu").tensor().shape().compact(), "h entering the function");
        assertNull(edgeInto(g, "inner_neg").tensor().shape(), "the function's own b is not the top-level b");
        assertEquals("1×4", edgeInto(g, "mm").tensor().shape().compact(), "x is fed as declared");

        RunPlan plan = runner.plans.get(0);
        assertEquals(List.of("h", "b"), plan.extraOutputs().subList(0, 2),
                "top-level tensors that are neither inputs nor outputs, then the function's");
        assertEquals(List.of("x", "cond"), plan.inputs().stream().map(RunInput::name).toList());
        assertEquals(List.of(), plan.inputs().get(1).dims(), "a scalar input");
    }

    @Test
    void theTensorsInsideACallAreAskedForUnderNamesOfTheirOwnAndGoOnTheEdgesThatCarryThem() {
        List<RunPlan> plans = new ArrayList<>();
        ShapeRunner runner = new ShapeRunner() {
            @Override
            public Map<String, TensorInfo> run(RunPlan plan) {
                plans.add(plan);
                Map<String, TensorInfo> seen = new HashMap<>();
                for (int i = 0; i < plan.extraOutputs().size(); i++) { // each a shape of its own: 5×1, 5×2, ...
                    String name = plan.extraOutputs().get(i);
                    seen.put(name, new TensorInfo(name, "float32", Shape.of(5, i + 1)));
                }
                return seen;
            }

            @Override
            public void cancel() {
            }
        };
        ModelGraph g = new Shapes(() -> runner, Duration.ofSeconds(1))
                .apply(model, file, ShapeRequest.of(ShapeMode.RUN), status -> { }).model();
        RunPlan plan = plans.get(0);
        assertTrue(plan.inlineFunctions(), "the model has a function call: its run inlines it");
        assertEquals(3, plan.extraOutputs().size(), "h, b and the function's own b: " + plan.extraOutputs());
        assertEquals("5×2", edgeInto(g, "last").tensor().shape().compact(), "top-level b");
        assertEquals("5×3", edgeInto(g, "inner_neg").tensor().shape().compact(), "the function's own b");
        assertEquals("b", edgeInto(g, "inner_neg").tensor().name(), "drawn under the name the function gives it");
    }

    @Test
    void whenTheInlinedModelDoesNotRunTheFileAsItIsStillGivesTheTopLevelShapes() {
        List<RunPlan> plans = new ArrayList<>();
        EverythingIsNineByNine answers = new EverythingIsNineByNine();
        ShapeRunner runner = new ShapeRunner() {
            @Override
            public Map<String, TensorInfo> run(RunPlan plan) throws ShapeRunException {
                plans.add(plan);
                if (plan.inlineFunctions()) {
                    throw new ShapeRunException("onnxruntime cannot run this model (no)");
                }
                return answers.run(plan);
            }

            @Override
            public void cancel() {
            }
        };
        ShapeOutcome outcome = new Shapes(() -> runner, Duration.ofSeconds(1))
                .apply(model, file, ShapeRequest.of(ShapeMode.RUN), status -> { });
        assertNull(outcome.warning());
        assertEquals(List.of("tensors inside functions keep their declared shapes: the model did not run with its"
                + " functions inlined (onnxruntime cannot run this model (no))"), outcome.notes());
        assertEquals(List.of(true, false), plans.stream().map(RunPlan::inlineFunctions).toList());
        assertEquals(List.of("h", "b"), plans.get(1).extraOutputs());
        assertEquals("9×9", edgeInto(outcome.model(), "last").tensor().shape().compact());
        assertNull(edgeInto(outcome.model(), "inner_neg").tensor().shape());
    }

    @Test
    void aDrawingThatIsNotOfTheFileGetsNoShapesInsideFunctions() {
        // The drawing is of another model than the file: its operations cannot be matched one by one.
        Path other = OnnxBuilder.write(dir, "other.onnx", OnnxBuilder.model(GraphProto.newBuilder().setName("g")
                .addInput(OnnxBuilder.tensor("x", 1, 4)).addOutput(OnnxBuilder.tensor("y"))
                .addNode(OnnxBuilder.node("call", "Block", OnnxBuilder.in("x"), "y").setDomain("local")))
                .addFunctions(OnnxBuilder.function("local", "Block", OnnxBuilder.in("a"), "c")
                        .addNode(OnnxBuilder.node("abs", "Abs", OnnxBuilder.in("a"), "c"))));
        EverythingIsNineByNine runner = new EverythingIsNineByNine();
        ShapeOutcome outcome = new Shapes(() -> runner, Duration.ofSeconds(1))
                .apply(model, other, ShapeRequest.of(ShapeMode.RUN), status -> { });
        assertTrue(outcome.notes().get(0).startsWith("tensors inside functions keep their declared shapes: "),
                outcome.notes().toString());
        assertEquals(false, runner.plans.get(0).inlineFunctions());
    }

    @Test
    void aModelOverTheOperationLimitIsNotRun() {
        EverythingIsNineByNine runner = new EverythingIsNineByNine();
        long operations = model.nodes(OperationNode.class).size();
        ShapeRequest atLimit = new ShapeRequest(ShapeMode.RUN, Map.of(), List.of(), ShapeRequest.DEFAULT_MEMORY_LIMIT,
                ShapeRequest.DEFAULT_TIME_LIMIT, operations);
        assertNull(new Shapes(() -> runner, Duration.ofSeconds(1)).apply(model, file, atLimit, s -> { }).warning());

        ShapeRequest below = new ShapeRequest(ShapeMode.RUN, Map.of(), List.of(), ShapeRequest.DEFAULT_MEMORY_LIMIT,
                ShapeRequest.DEFAULT_TIME_LIMIT, operations - 1);
        ShapeOutcome outcome = new Shapes(() -> runner, Duration.ofSeconds(1)).apply(model, file, below, s -> { });
        assertEquals("not running onnxruntime on " + operations + " operations, over the limit of "
                + (operations - 1) + " (--shapes-operation-limit)", outcome.warning());
        assertEquals(1, runner.plans.size(), "only the run within the limit happened");
        assertEquals("1×4", edgeInto(outcome.model(), "mm").tensor().shape().compact(), "declared shapes remain");
    }

    @Test
    void bodiesKeepTheirDeclaredShapes() {
        ModelGraph g = new Shapes(EverythingIsNineByNine::new, Duration.ofSeconds(1))
                .apply(model, file, ShapeRequest.of(ShapeMode.RUN), status -> { }).model();
        assertTrue(g.graph().edgeSet().stream().filter(e -> !e.isTopLevel()).count() >= 3, "bodies have edges");
        for (TensorEdge e : g.graph().edgeSet()) {
            if (!e.isTopLevel()) {
                String shape = e.tensor().shape() == null ? null : e.tensor().shape().compact();
                assertTrue(shape == null || shape.equals("7×7") || shape.equals("scalar"),
                        "declared or nothing inside bodies: " + e + " " + shape);
            }
        }
    }

    @Test
    void aRunPastTheTimeLimitIsCancelledAndWarned() throws InterruptedException {
        CountDownLatch cancelled = new CountDownLatch(1);
        ShapeRunner stuck = new ShapeRunner() {
            @Override
            public Map<String, TensorInfo> run(RunPlan plan) throws ShapeRunException {
                try {
                    cancelled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ShapeRunException("cancelled");
            }

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        };
        ShapeRequest request = new ShapeRequest(ShapeMode.RUN, Map.of(), List.of(), ShapeRequest.DEFAULT_MEMORY_LIMIT,
                Duration.ofMillis(50));
        ShapeOutcome outcome = new Shapes(() -> stuck, Duration.ofSeconds(1)).apply(model, file, request, s -> { });
        assertTrue(outcome.warning().contains("took longer than 50 ms"), outcome.warning());
        assertTrue(cancelled.await(0, TimeUnit.SECONDS), "the runner was told to stop");
        assertEquals("1×4", edgeInto(outcome.model(), "mm").tensor().shape().compact(), "declared shapes remain");
    }

    @Test
    void aSlowRunGetsOneStatusLine() {
        CountDownLatch statusShown = new CountDownLatch(1);
        List<String> lines = new ArrayList<>();
        ShapeRunner slow = new EverythingIsNineByNine() {
            @Override
            public Map<String, TensorInfo> run(RunPlan plan) {
                try {
                    statusShown.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(plan);
            }
        };
        ShapeOutcome outcome = new Shapes(() -> slow, Duration.ofMillis(1)).apply(model, file,
                ShapeRequest.of(ShapeMode.RUN), line -> {
                    lines.add(line);
                    statusShown.countDown();
                });
        assertNull(outcome.warning());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("measuring tensor shapes with onnxruntime"), lines.get(0));
    }

    @Test
    void aRunnerThatCannotLoadIsAWarning() {
        ShapeOutcome outcome = new Shapes(() -> {
            throw new NoClassDefFoundError("ai/onnxruntime/OrtEnvironment");
        }, Duration.ofSeconds(1)).apply(model, file, ShapeRequest.of(ShapeMode.RUN), s -> { });
        assertTrue(outcome.warning().startsWith("onnxruntime is not available"), outcome.warning());
    }

    @Test
    void namelessInputNeedsExactlyOneImage() {
        ShapeRequest image = new ShapeRequest(ShapeMode.DECLARED, Map.of(),
                List.of(new InputShape(null, InputShape.IMAGE_224)), ShapeRequest.DEFAULT_MEMORY_LIMIT,
                ShapeRequest.DEFAULT_TIME_LIMIT);
        ShapeRequestException e = assertThrows(ShapeRequestException.class,
                () -> new Shapes().apply(model, file, image, s -> { }));
        assertTrue(e.getMessage().contains("x, cond"), e.getMessage());
    }

    /** A runner the test does not expect to be asked for. */
    private static ShapeRunner noRunExpected() {
        throw new AssertionError("no run was expected");
    }

    @Test
    void theOperationLimitCountsOperationsAfterFunctionExpansion() {
        Path exploding = HostileRuns.explodingFunctions(dir, 41, false); // f0 … f39 call twice, f40 is a Relu
        ModelGraph flat = OnnxReader.read(exploding, new OnnxReader.Options("flat"));
        assertEquals(1, flat.nodes(OperationNode.class).size(), "drawn flat: the call is one box");
        assertEquals(1L << 40, flat.info().expandedOperations());

        ShapeOutcome outcome = new Shapes(ShapesPassTest::noRunExpected, Duration.ofSeconds(1)).apply(flat,
                exploding, ShapeRequest.of(ShapeMode.RUN), s -> { });
        assertEquals("not running onnxruntime on 1,099,511,627,776 operations (its local functions expanded), over"
                + " the limit of 20,000 (--shapes-operation-limit)", outcome.warning());
    }

    @Test
    void aFunctionCallingItselfCountsItsRecursiveCallOnce() {
        // ONNX forbids recursion; such a call is drawn (and counted) as one operation, as the inliner leaves it
        Path recursive = HostileRuns.explodingFunctions(dir, 3, true);
        ModelGraph flat = OnnxReader.read(recursive, new OnnxReader.Options("flat"));
        assertTrue(flat.expandedOperationCount() < 100, "finite: " + flat.expandedOperationCount());
    }

    @Test
    void aModelWithoutFunctionCallsKeepsItsOwnCount() {
        ModelGraph model = OnnxReader.read(HostileRuns.endlessLoop(dir));
        assertEquals(0, model.info().expandedOperations(), "not counted: nothing to expand");
        assertEquals(model.nodes(io.github.nnvizonnx.model.OperationNode.class).size(),
                model.expandedOperationCount());
    }
}
