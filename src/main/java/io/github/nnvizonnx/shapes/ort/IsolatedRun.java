package io.github.nnvizonnx.shapes.ort;

import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.shapes.ShapeRunException;
import io.github.nnvizonnx.shapes.child.RunProtocol;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The main class of the process the onnxruntime run happens in (see {@code shapes.child.ChildRunner}). It loads
 * onnxruntime at once, while the parent still reads the model, then reads the {@code RunPlan} from stdin, runs it,
 * and writes what it saw, or why it failed, to the file named by its one argument. Nothing else of it is read: its
 * own stdout and stderr (where a JVM's crash banner goes) are discarded by the parent.
 */
public final class IsolatedRun {
    private IsolatedRun() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        Path results = Path.of(args[0]);
        // A parent killed outright (SIGKILL) cannot end us: we end with it instead of running on to our CPU limit.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(3)));
        List<Map<String, TensorInfo>> runs = null;
        String failure;
        try {
            NativeLibrary.environment();
            RunProtocol.Request request = RunProtocol.readPlan(new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)));
            runs = new OrtShapeRunner(request.threads()).runAll(request.plan());
            failure = null;
        } catch (ShapeRunException e) {
            failure = e.getMessage();
        } catch (RunProtocol.Malformed e) {
            Runtime.getRuntime().halt(2); // no plan: the parent did not need the run after all
            return;
        } catch (IOException e) {
            failure = "the run could not read its plan (" + e.getMessage() + ")";
        } catch (OutOfMemoryError e) {
            runs = null;
            failure = "not enough memory for the run (" + e.getMessage() + ")";
        }
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8))) {
            if (failure == null) {
                RunProtocol.writeResult(runs, out);
            } else {
                RunProtocol.writeFailure(failure, out);
            }
        }
        // halt, not exit: onnxruntime's own teardown at exit is where it has crashed before; nothing is left to do
        Runtime.getRuntime().halt(0);
    }
}
