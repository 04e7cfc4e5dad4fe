package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Real PyTorch ONNX exports for tests, produced on demand by {@code testdata/export_torchvision.py}
 * with Debian's {@code /usr/bin/python3} (torch + torchvision, random weights, nothing downloaded).
 *
 * <p>Files are cached as {@code target/testmodels/<name>.onnx} and re-exported only when missing or older
 * than the script. If torch/torchvision cannot be imported the calling test is skipped (JUnit assumption),
 * unless the environment variable {@code NNVIZ_REQUIRE_TOOLS} is {@code 1} or {@code true}: then it fails.
 */
public final class TorchExports {

    /** Debian's interpreter, which has python3-torch/torchvision/onnx; not the pyenv one on PATH. */
    public static final String PYTHON = "/usr/bin/python3";

    private static final String SCRIPT = "testdata/export_torchvision.py";
    /** The script's name for its small torch.nn transformer. */
    private static final String TRANSFORMER = "transformer_encoder";
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final long EXPORT_TIMEOUT_MINUTES = 5;
    private static final long PROBE_TIMEOUT_MINUTES = 2;

    /** null until probed; then null-free: "" when torch is usable, else the reason it is not. */
    private static String torchProblem;

    private TorchExports() {
    }

    /** torchvision resnet18, plain export (opset 17). */
    public static Path resnet18() {
        return export("resnet18", false);
    }

    /** torchvision resnet18 exported with {@code export_modules_as_functions} (nested ONNX local functions). */
    public static Path resnet18Functions() {
        return export("resnet18", true);
    }

    /**
     * torchvision resnet18 with dynamic N, H and W on its input (named by torch: {@code input_dynamic_axes_1}, ...)
     * and an output declared {@code batch×classes}, whose {@code classes} is in fact always 1000.
     */
    public static Path resnet18DynamicAxes() {
        return export("resnet18", false, 0, true);
    }

    /** {@link #resnet18DynamicAxes()} exported with {@code export_modules_as_functions}, as is {@link #resnet18Functions()}. */
    public static Path resnet18FunctionsDynamicAxes() {
        return export("resnet18", true, 0, true);
    }

    /**
     * torchvision resnet18 exported with {@code export_modules_as_functions=True}: every module class is a function,
     * the model's own too, so the main graph is one call of {@code ResNet}.
     */
    public static Path resnet18EveryClassAsFunction() {
        return export("resnet18", true, 0, false, true);
    }

    /** A small {@code torch.nn.TransformerEncoder} (two layers, width 32, input 1×16×32), plain export. */
    public static Path transformerEncoder() {
        return export(TRANSFORMER, false);
    }

    /** {@link #transformerEncoder()} with {@code TransformerEncoderLayer} exported as a local function. */
    public static Path transformerEncoderFunctions() {
        return export(TRANSFORMER, true);
    }

    /** {@link #transformerEncoder()} exported with {@code export_modules_as_functions=True}. */
    public static Path transformerEncoderEveryClassAsFunction() {
        return export(TRANSFORMER, true, 0, false, true);
    }

    /**
     * Exports (or reuses the cached export of) a torchvision model.
     *
     * @param model     a {@code torchvision.models} builder name, e.g. resnet18, efficientnet_b0, vit_b_16
     * @param functions whether module classes are exported as ONNX local functions
     * @return the .onnx file under {@code target/testmodels/}
     */
    public static synchronized Path export(String model, boolean functions) {
        return export(model, functions, 0);
    }

    /** {@link #export(String, boolean)} at ONNX opset {@code opset} (0: the script's default). */
    public static synchronized Path export(String model, boolean functions, int opset) {
        return export(model, functions, opset, false);
    }

    private static synchronized Path export(String model, boolean functions, int opset, boolean dynamicAxes) {
        return export(model, functions, opset, dynamicAxes, false);
    }

    /** {@code everyClass}: with {@code functions}, every module class is a function, the model's own included. */
    private static synchronized Path export(String model, boolean functions, int opset, boolean dynamicAxes,
                                            boolean everyClass) {
        if (model == null || !MODEL_NAME.matcher(model).matches()) {
            throw new IllegalArgumentException("not a torchvision model name: " + model);
        }
        String name = model + (functions ? "-functions" : "") + (everyClass ? "-every" : "") + (opset > 0 ? "-opset" + opset : "")
                + (dynamicAxes ? "-dynamic" : "");
        List<String> options = new ArrayList<>(List.of(model));
        if (functions) {
            options.add("--functions");
        }
        if (functions && everyClass) {
            options.addAll(List.of("--function-classes", "every"));
        }
        if (dynamicAxes) {
            options.add("--dynamic-axes");
        }
        if (opset > 0) {
            options.addAll(List.of("--opset", Integer.toString(opset)));
        }
        return produce(SCRIPT, name, options);
    }

    /**
     * torchaudio's Wav2Letter on raw waveforms ({@code testdata/export_torchaudio.py}): input declared
     * {@code batch×1×samples}, output named by torch's generated {@code scores_dynamic_axes_1}, ...
     */
    public static synchronized Path wav2letter() {
        return produce("testdata/export_torchaudio.py", "wav2letter", List.of());
    }

    /**
     * A small detector whose {@code roi_heads} calls a scripted helper between its two layers
     * ({@code testdata/export_scripted_postprocess.py}): torch writes no scope for the helper's operations.
     */
    public static synchronized Path scriptedPostProcessing() {
        return produce("testdata/export_scripted_postprocess.py", "scripted-postprocess", List.of());
    }

    /**
     * torchvision's resnet18 statically quantized with torch FX and exported in the QDQ form
     * ({@code testdata/export_quantized_qdq.py}): QuantizeLinear → Cast → DequantizeLinear before each quantized
     * operation, 8-bit weights as Constant nodes.
     */
    public static synchronized Path resnet18Qdq() {
        return produce("testdata/export_quantized_qdq.py", "resnet18-qdq", List.of());
    }

    /**
     * A model saved as PyTorch users keep it ({@code testdata/save_torch_archive.py}), {@code MODEL-FORM}:
     * {@code resnet18-traced}, {@code vit_b_16-scripted}, {@code tower-pickled}, {@code resnet18-state-dict}, ...
     * The file is {@code target/testmodels/<name>.pt}.
     */
    public static synchronized Path savedModel(String name) {
        if (!MODEL_NAME.matcher(name.replace("-", "_")).matches()) {
            throw new IllegalArgumentException("not a saved model name: " + name);
        }
        return produce("testdata/save_torch_archive.py", name, List.of(name), ".pt");
    }

    private static Path produce(String scriptPath, String name, List<String> options) {
        return produce(scriptPath, name, options, ".onnx");
    }

    /**
     * Runs {@code scriptPath} with its first option, the output file, then the other options; unless fresh. The
     * output is {@code name + suffix}.
     */
    private static Path produce(String scriptPath, String name, List<String> options, String suffix) {
        Path project = ExternalTools.projectDir();
        Path script = project.resolve(scriptPath);
        if (!Files.isRegularFile(script)) {
            throw new AssertionError("export script not found: " + script);
        }
        Path dir = project.resolve("target").resolve("testmodels");
        Path out = dir.resolve(name + suffix);
        try {
            if (isFresh(out, script)) {
                return out;
            }
            requireTorch();
            Files.createDirectories(dir);
            // Unique names, so parallel forks never see or clobber each other's half-written files.
            String unique = name + "-" + UUID.randomUUID();
            Path tmp = dir.resolve(unique + suffix);
            Path stdout = dir.resolve(unique + ".stdout.log");
            Path stderr = dir.resolve(unique + ".stderr.log");
            List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
            command.addAll(options.isEmpty() ? List.of() : options.subList(0, 1));
            command.add(tmp.toString());
            command.addAll(options.isEmpty() ? List.of() : options.subList(1, options.size()));
            try {
                Result result = run(command, project, stdout, stderr, EXPORT_TIMEOUT_MINUTES);
                if (result.exitCode != 0 || !Files.isRegularFile(tmp)) {
                    throw new AssertionError("export of " + name + " failed (" + result.describe() + "): "
                            + String.join(" ", command) + "\n--- stderr ---\n" + result.stderr
                            + (result.stdout.isBlank() ? "" : "\n--- stdout ---\n" + result.stdout));
                }
                try {
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException atomicFailed) {
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(dir.resolve(unique + ".onnx.tmp"));
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("export of " + name + " failed: " + e, e);
        }
    }

    private static boolean isFresh(Path out, Path script) throws IOException {
        return Files.isRegularFile(out) && Files.size(out) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(script)) > 0;
    }

    /** Skips the calling test when torch is unusable, or fails it when NNVIZ_REQUIRE_TOOLS says so. */
    public static synchronized void requireTorch() {
        if (torchProblem == null) {
            torchProblem = probeTorch();
        }
        ExternalTools.require("PyTorch export needs torch and torchvision for " + PYTHON + ": " + torchProblem,
                torchProblem.isEmpty());
    }

    private static String probeTorch() {
        if (!Files.isExecutable(Paths.get(PYTHON))) {
            return PYTHON + " not found";
        }
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("nnviz-torch-probe", ".stdout.log");
            stderr = Files.createTempFile("nnviz-torch-probe", ".stderr.log");
            Result result = run(List.of(PYTHON, "-c", "import torch, torchvision, torch.onnx"),
                    ExternalTools.projectDir(), stdout, stderr, PROBE_TIMEOUT_MINUTES);
            if (result.exitCode == 0) {
                return "";
            }
            String err = result.stderr.strip();
            int lastLine = err.lastIndexOf('\n');
            return result.describe() + (err.isEmpty() ? "" : ": " + err.substring(lastLine + 1));
        } catch (IOException e) {
            return e.toString();
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static Result run(List<String> command, Path workDir, Path stdout, Path stderr, long timeoutMinutes)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        // Debian's interpreter must use its own stdlib and dist-packages, not a pyenv or virtualenv setting.
        env.remove("PYTHONHOME");
        env.remove("PYTHONPATH");
        env.remove("VIRTUAL_ENV");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (!finished) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Result(finished ? process.exitValue() : -1, !finished, read(stdout), read(stderr),
                timeoutMinutes);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // temporary log file; nothing to do
            }
        }
    }

    private record Result(int exitCode, boolean timedOut, String stdout, String stderr, long timeoutMinutes) {
        String describe() {
            return timedOut ? "timed out after " + timeoutMinutes + " min" : "exit code " + exitCode;
        }
    }
}
