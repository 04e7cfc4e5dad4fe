package io.github.nnvizonnx.cli;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * onnxruntime as a whole process sees it, in a fresh JVM each time: its classes load only for a run, and only in the
 * run's own child process; its native libraries and its telemetry leave nothing in the temp folder nor in the user's
 * cache, and the process's real stderr (native logging included) holds only our lines.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class OnnxruntimeProcessTest {
    @TempDir
    Path dir;

    private Path tmp;
    private Path cache;
    private Path model;

    /** Child JVM entry: runs the CLI, then prints what the temp folder holds while the process still lives. */
    public static void main(String[] args) {
        int code = Main.run(args);
        System.out.flush();
        System.err.flush();
        File[] left = new File(System.getProperty("java.io.tmpdir")).listFiles();
        System.out.println("TEMP-LEFT " + (left == null ? "?" : left.length));
        System.exit(code);
    }

    private record Child(int code, String out, String err) {
    }

    @BeforeEach
    void files() throws IOException {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        cache = Files.createDirectories(dir.resolve("cache"));
        model = write(dir, "small.onnx", model(GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4)).addInitializer(weight("w", 4, 4))
                .addNode(node("/fc/MatMul", "MatMul", in("x", "w"), "h"))
                .addNode(node("/act/Relu", "Relu", in("h"), "y"))));
    }

    private Child run(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OnnxruntimeProcessTest.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // onnxruntime's native code writes where the environment says, and only when telemetry is not turned off
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("ORT_DISABLE_TELEMETRY");
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
        return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<Path> tempLeft() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(tmp), Files.list(cache))) {
            return files.toList();
        }
    }

    @Test
    void aRunLeavesNothingInTheTempFolder() throws Exception {
        Child child = run(List.of(), model.toString(), "--depth", "all", "-q");
        assertEquals(0, child.code(), child.err());
        assertEquals("", child.err());
        assertTrue(child.out().contains("-->|\"1×4\"|"), "measured: " + child.out());
        assertTrue(child.out().contains("TEMP-LEFT 0"), "nothing left while running: " + child.out());
        assertEquals(List.of(), tempLeft(), "nothing left after exit");
    }

    @Test
    void onnxruntimeClassesLoadOnlyForARun() throws Exception {
        List<String> logClasses = List.of("-Xlog:class+load=info:file=" + dir.resolve("classes.log"));
        for (String mode : List.of("none", "declared")) {
            Child child = run(logClasses, model.toString(), "--shapes", mode, "-q");
            assertEquals(0, child.code(), child.err());
            String loaded = Files.readString(dir.resolve("classes.log"));
            assertTrue(loaded.contains("io.github.nnvizonnx.shapes.Shapes "), "the log lists our classes");
            assertFalse(loaded.contains("ai.onnxruntime"), "--shapes " + mode + " loads no onnxruntime class");
            assertFalse(loaded.contains("io.github.nnvizonnx.shapes.ort"), mode);
        }
        // A run happens in a child process of its own: onnxruntime's classes load there, never here.
        Path childLog = dir.resolve("child-classes.log");
        List<String> logBoth = List.of(logClasses.get(0), "-Dnnviz.shapes.child-options=-Xlog:class+load=info:file="
                + childLog);
        Child child = run(logBoth, model.toString(), "-q");
        assertEquals(0, child.code(), child.err());
        String loaded = Files.readString(dir.resolve("classes.log"));
        assertTrue(loaded.contains("io.github.nnvizonnx.shapes.child.ChildRunner "), "the run's process was started");
        assertFalse(loaded.contains("ai.onnxruntime"), "this process loads no onnxruntime class, even for a run");
        assertTrue(Files.readString(childLog).contains("ai.onnxruntime.OrtEnvironment"), "the child loads them");
    }

    @Test
    void aMissingNativeLibraryIsOneWarning() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-native"));
        Child child = run(List.of("-Donnxruntime.native.path=" + empty), model.toString(), "-q");
        assertEquals(0, child.code(), child.err());
        assertTrue(child.out().matches(OutputSyntax.MERMAID_START), child.out());
        assertEquals(1, child.err().lines().count(), child.err());
        assertTrue(child.err().startsWith("nnviz-onnx: warning: onnxruntime's native library could not be loaded"),
                child.err());
    }

    @Test
    void aFailingRunPrintsNothingButTheWarning() throws Exception {
        Path adagrad = RealModels.BACKEND_CORPUS.resolve("node/test_adagrad/model.onnx");
        ExternalTools.require("Debian package libonnx-testdata (" + adagrad + ")", Files.isRegularFile(adagrad));
        Child child = run(List.of(), adagrad.toString(), "-q");
        assertEquals(0, child.code(), child.err());
        assertEquals(1, child.err().lines().count(), "onnxruntime's own logging stays quiet: " + child.err());
        assertTrue(child.err().contains("warning"), child.err());
        assertEquals(List.of(), tempLeft());
    }
}
