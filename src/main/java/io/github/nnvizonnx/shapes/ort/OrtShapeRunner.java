package io.github.nnvizonnx.shapes.ort;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.shapes.RunInput;
import io.github.nnvizonnx.shapes.RunPlan;
import io.github.nnvizonnx.shapes.ShapeRunException;
import io.github.nnvizonnx.shapes.ShapeRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One onnxruntime run: graph optimizations off (so every tensor of the file still exists), the augmented model
 * loaded from memory, external data read from the model's folder, inputs filled as the plan says, and the type and
 * shape of every returned tensor read back (never its data).
 */
public final class OrtShapeRunner implements ShapeRunner {
    /** onnxruntime's session setting for where a model loaded from memory finds its external data. */
    private static final String EXTERNAL_DATA_FOLDER = "session.model_external_initializers_file_folder_path";

    /** {@code /onnxruntime_src/.../bfc_arena.cc:359 void* onnxruntime::BFCArena::Allocate(size_t, bool) }. */
    private static final String SOURCE_LOCATION = "/onnxruntime_src/\\S+:\\d+ [^()]*\\([^()]*\\)\\s*";

    /** {@code Non-zero status code returned while running Reshape node. Name:'p2o.Reshape.79' Status Message: }. */
    private static final String FAILED_NODE =
            "^(Non-zero status code returned while running )(\\S+) node\\. Name:'([^']*)' Status Message: ";
    /** {@code input_shape_size == requested_shape_size was false. } */
    private static final String FAILED_CHECK = "(?<=failed: )[^.]* was false\\. ";

    private final int threads;
    private final Object lock = new Object();
    private OrtSession.RunOptions running;
    private boolean cancelled;

    /** A runner with onnxruntime's own choice of threads. */
    public OrtShapeRunner() {
        this(0);
    }

    /** A runner whose sessions use at most {@code threads} threads for an operation (0: onnxruntime's choice). */
    public OrtShapeRunner(int threads) {
        this.threads = threads;
    }

    /** Loads the native library and creates the process's environment, if not done yet. */
    public static void loadRuntime() throws ShapeRunException {
        NativeLibrary.environment();
    }

    @Override
    public Map<String, io.github.nnvizonnx.model.TensorInfo> run(RunPlan plan) throws ShapeRunException {
        return runAll(new RunPlan(plan.model(), plan.externalDataFolder(), plan.inputs(), plan.extraOutputs(),
                List.of(), plan.inlineFunctions())).get(0);
    }

    /** Every run of the plan in one session: loading the model costs more than a run of it. */
    @Override
    public List<Map<String, io.github.nnvizonnx.model.TensorInfo>> runAll(RunPlan plan) throws ShapeRunException {
        OrtEnvironment env = NativeLibrary.environment();
        List<Map<String, io.github.nnvizonnx.model.TensorInfo>> runs = new ArrayList<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
            }
            if (plan.externalDataFolder() != null) {
                options.addConfigEntry(EXTERNAL_DATA_FOLDER, plan.externalDataFolder().toString());
            }
            ByteBuffer model = plan.augmentedModel();
            try (OrtSession session = env.createSession(model, options)) {
                runs.add(runOnce(env, session, plan.inputs()));
                for (List<RunInput> variant : plan.variants()) {
                    try {
                        runs.add(runOnce(env, session, variant));
                    } catch (OrtException e) {
                        runs.add(null); // the sizes this variant tried are not valid for the model
                    }
                }
            }
        } catch (OrtException e) {
            throw new ShapeRunException("onnxruntime cannot run this model (" + firstLine(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new ShapeRunException("cannot read the model for onnxruntime (" + e.getMessage() + ")", e);
        }
        return runs;
    }

    private Map<String, io.github.nnvizonnx.model.TensorInfo> runOnce(OrtEnvironment env, OrtSession session,
            List<RunInput> planned) throws ShapeRunException, OrtException {
        Map<String, io.github.nnvizonnx.model.TensorInfo> seen = new LinkedHashMap<>();
        Map<String, OnnxTensor> inputs = InputTensors.create(env, session.getInputInfo(), planned, seen);
        try (OrtSession.RunOptions runOptions = new OrtSession.RunOptions()) {
            synchronized (lock) {
                if (cancelled) {
                    throw new ShapeRunException("cancelled");
                }
                running = runOptions;
            }
            try (OrtSession.Result result = session.run(inputs, runOptions)) {
                for (Map.Entry<String, OnnxValue> output : result) {
                    io.github.nnvizonnx.model.TensorInfo described = describe(output.getKey(), output.getValue());
                    if (described != null) {
                        seen.put(output.getKey(), described);
                    }
                }
            }
        } finally {
            synchronized (lock) {
                running = null;
            }
            inputs.values().forEach(OnnxTensor::close);
        }
        return seen;
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (running != null) {
                try {
                    running.setTerminate(true);
                } catch (OrtException e) {
                    // the run is ending anyway
                }
            }
        }
    }

    /** A returned value: a tensor's type and shape, a sequence's or map's type alone; null for anything else. */
    private static io.github.nnvizonnx.model.TensorInfo describe(String name, OnnxValue value) {
        if (value instanceof OnnxTensor tensor) {
            return describe(name, tensor.getInfo());
        }
        if (value instanceof OnnxSequence sequence) {
            SequenceInfo info = sequence.getInfo();
            String element = info.isSequenceOfMaps() ? mapType(info.mapInfo) : elementName(info.sequenceType);
            return new io.github.nnvizonnx.model.TensorInfo(name, "seq(" + element + ")", null);
        }
        if (value instanceof OnnxMap map) {
            return new io.github.nnvizonnx.model.TensorInfo(name, mapType(map.getInfo()), null);
        }
        return null;
    }

    private static String mapType(MapInfo info) {
        return "map(" + elementName(info.keyType) + "," + elementName(info.valueType) + ")";
    }

    /** The short name of a Java binding type, as for tensor element types; {@code ?} when unknown. */
    private static String elementName(OnnxJavaType type) {
        return type == null || type == OnnxJavaType.UNKNOWN ? "?" : shortName(type.name());
    }

    static io.github.nnvizonnx.model.TensorInfo describe(String name, TensorInfo info) {
        return new io.github.nnvizonnx.model.TensorInfo(name, elementName(info.onnxType), Shape.of(info.getShape()));
    }

    /**
     * The short element type name ({@code float32}, {@code int64}) of onnxruntime's type constant, from its name:
     * the constant's {@code value} is the Java binding's own numbering, not ONNX's data type code.
     */
    static String elementName(TensorInfo.OnnxTensorType type) {
        if (type == null || type == TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UNDEFINED) {
            return null;
        }
        return shortName(type.name().replaceFirst("^ONNX_TENSOR_ELEMENT_DATA_TYPE_", ""));
    }

    private static String shortName(String constant) {
        String name = constant.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "float" -> "float32";
            case "double" -> "float64";
            default -> name;
        };
    }

    /** The reason onnxruntime gives, on one line, in words a user reads: no C++ source place, signature or condition. */
    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        // onnxruntime's Java layer prefixes "Error code - ORT_FAIL - message: "; the rest is the reason.
        String reason = line.replaceFirst("^Error code - \\S+ - message: ", "")
                .replaceAll(SOURCE_LOCATION, "") // where in onnxruntime's C++ it failed says nothing to a user
                .replaceFirst(FAILED_NODE, "$2 '$3' failed: ")
                .replaceFirst(FAILED_CHECK, ""); // the C++ condition that failed; the sentence after it says why
        return io.github.nnvizonnx.model.DisplayText.clip(reason, 200);
    }
}
