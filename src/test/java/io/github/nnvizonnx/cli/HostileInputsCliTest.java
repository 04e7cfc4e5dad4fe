package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.ChildCli;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.HostileModels;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import io.github.nnvizonnx.testsupport.ProcessTreeStub;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issue 16, each rebuilt by a generator and given to the command line in a JVM of 1 GB, as a
 * user would run it: each ends (the generous wait only guards against hangs) with the documented outcome, one line
 * on stderr per problem, no stack trace, no half-written or stray file.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class HostileInputsCliTest {
    /** Only a guard against hangs: these runs take seconds. */
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(Path workDir, ProcessBuilder builder) throws Exception {
        Process p = builder.directory(workDir.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after " + WAIT_SECONDS + " s");
        }
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private Run cli(String... args) throws Exception {
        return run(dir, ChildCli.builder(List.of("-Xmx1g", "-XX:-UsePerfData"), args));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void assertOneLineError(Run run, int code, String contains) {
        assertEquals(code, run.code(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("nnviz-onnx: ") && run.err().contains(contains), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aFunctionBombOf2To40CallsIsDrawnWithItsCallUnexpanded() throws Exception {
        Path bomb = OnnxBuilder.write(dir, "bomb.onnx", HostileModels.functionBomb(41, 2));
        assertTrue(Files.size(bomb) < 8192, Files.size(bomb) + " bytes");
        for (String hierarchy : List.of("auto", "flat")) {
            Run run = cli(bomb.toString(), "-q", "--hierarchy", hierarchy);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("f0"), run.out());
            assertTrue(hierarchy.equals("flat") || run.err().contains("1 call of local functions drawn as single"
                    + " operations, not expanded: the model expands to 1,099,511,627,776 operations"), run.err());
            assertTrue(run.err().contains("not running onnxruntime on 1,099,511,627,776 operations"),
                    "the operation limit counts the calls expanded: " + run.err());
            for (String line : run.errLines()) {
                assertTrue(line.startsWith("nnviz-onnx: warning: "), run.err());
            }
        }
    }

    @Test
    void aJsonModuleChain2000DeepIsReadWithinTheScopeCap() throws Exception {
        Path json = Files.writeString(dir.resolve("deep.json"), HostileModels.deepModuleJson(2_000));
        Run run = cli(json.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aFifoADeviceAndADirectoryAreRefusedWithoutReadingThem() throws Exception {
        ExternalTools.require("mkfifo", ExternalTools.onPath("mkfifo"));
        Path fifo = dir.resolve("model.onnx");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertOneLineError(cli(fifo.toString()), ErrorHandlers.BAD_INPUT, "not a regular file");
        assertOneLineError(cli("/dev/zero"), ErrorHandlers.BAD_INPUT, "not a regular file");
        assertOneLineError(cli(dir.toString()), ErrorHandlers.BAD_INPUT, "is a directory");
    }

    @Test
    void anOutputNamingTheModelIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path model = OnnxBuilder.write(dir, "m.onnx", HostileModels.functionBomb(3, 2));
        byte[] before = Files.readAllBytes(model);
        Path link = Files.createSymbolicLink(dir.resolve("link.mmd"), model);
        for (Path output : List.of(model, link, dir.resolve("./m.onnx"))) {
            assertOneLineError(cli(model.toString(), "-o", output.toString(), "--format", "mermaid"),
                    ErrorHandlers.USAGE, "is the model itself");
        }
        assertOneLineError(cli("m.onnx", "-o", model.toString(), "--format", "json"), ErrorHandlers.USAGE,
                "is the model itself");
        assertArrayEquals(before, Files.readAllBytes(model));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "nothing but the model and the link");
        }
    }

    @Test
    void hiddenFilesNextToTheModelAreNotReadIntoShapes() throws Exception {
        Files.createDirectories(dir.resolve(".keys"));
        long[] secret = {4711, 4242, 3737, 1313};
        ByteBuffer bytes = ByteBuffer.allocate(8 * secret.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : secret) {
            bytes.putLong(v);
        }
        Files.write(dir.resolve(".keys/id"), bytes.array());
        Files.createSymbolicLink(dir.resolve("weights.bin"), dir.resolve(".keys/id"));
        for (String location : List.of(".keys/id", "weights.bin")) {
            Path model = OnnxBuilder.write(dir, "leak.onnx", HostileModels.externalBytesAsShapes(location,
                    secret.length));
            Run run = cli(model.toString(), "--depth", "all", "-q");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("hidden"), run.err());
            for (long v : secret) {
                assertFalse(run.out().contains(Long.toString(v)), location + ": " + v + " leaked\n" + run.out());
            }
        }
    }

    @Test
    void dotPastItsTimeLimitIsStoppedAndNothingIsWritten() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ProcessTreeStub dot = ProcessTreeStub.write(bin, "dot", "<svg");
        Path model = OnnxBuilder.write(dir, "m.onnx", HostileModels.functionBomb(3, 2));
        Path svg = dir.resolve("m.svg");
        for (List<String> output : List.of(List.of("-o", svg.toString()), List.of("--format", "svg"))) {
            List<String> args = new ArrayList<>(List.of(model.toString(), "--shapes", "declared",
                    "--render-time-limit", "2"));
            args.addAll(output);
            ProcessBuilder builder = ChildCli.builder(List.of("-Xmx1g"), args.toArray(String[]::new));
            ChildCli.putFirstOnPath(builder, bin);
            Run run = run(dir, builder);
            assertOneLineError(run, ErrorHandlers.BAD_INPUT, "--render-time-limit");
            assertEquals("", run.out(), "no half picture on stdout");
            dot.assertEnded();
        }
        assertFalse(Files.exists(svg));
    }

    @Test
    void staleTemporaryFilesOfAKilledRunAreRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path model = OnnxBuilder.write(dir, "m.onnx", HostileModels.functionBomb(3, 2));
        Path stale = Files.writeString(dir.resolve(".m.mmd.nnviz-" + gone.pid() + ".123.tmp"), "half");
        Path alive = Files.writeString(dir.resolve(".m.mmd.nnviz-" + ProcessHandle.current().pid() + ".9.tmp"), "");
        Path unrelated = Files.writeString(dir.resolve(".m.mmd.notours.tmp"), "");
        Run run = cli(model.toString(), "-q", "-o", dir.resolve("m.mmd").toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(stale), "the dead run's file is gone");
        assertTrue(Files.exists(alive) && Files.exists(unrelated), "a live run's and others' files stay");
    }
}
