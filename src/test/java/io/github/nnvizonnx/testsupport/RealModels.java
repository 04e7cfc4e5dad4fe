package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Third-party ONNX files the tests read: models in Maven Central jars and npm packages, and Debian's ONNX backend
 * test corpus.
 */
public final class RealModels {
    public static final Path BACKEND_CORPUS = Path.of("/usr/share/libonnx-testdata/data");

    private RealModels() {
    }

    /** all-MiniLM-L6-v2 (a torch TorchScript export of a BERT encoder), copied out of its test-scoped jar. */
    public static Path miniLm() {
        return fromClassPath("all-minilm-l6-v2.onnx", "all-minilm-l6-v2.onnx");
    }

    /**
     * all-MiniLM-L6-v2 quantized dynamically by onnxruntime's quantizer (MatMulInteger fed by DynamicQuantizeLinear),
     * copied out of its test-scoped jar.
     */
    public static Path miniLmQuantized() {
        return fromClassPath("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q.onnx");
    }

    /**
     * A PaddleOCR model exported by paddle2onnx ({@code ch_PP-OCRv4_det_infer}, {@code ch_PP-OCRv4_rec_infer},
     * {@code ch_ppocr_mobile_v2.0_cls_infer}), copied out of its test-scoped jar.
     */
    public static Path paddleOcr(String name) {
        return fromClassPath("models/" + name + ".onnx", name + ".onnx");
    }

    /** The npm package holding Silero's voice-activity detectors, and its version (pinned: the files never change). */
    private static final String VAD_PACKAGE = "@ricky0123/vad-web@0.0.31";
    private static final long NPM_TIMEOUT_MINUTES = 5;

    /**
     * Silero's voice-activity detector as an npm package ships it ({@code legacy}: a torch 1.12 export, one If
     * switching on the sample rate; {@code v5}: made with spox, the If's two branches inlined with
     * {@code If_0_then_branch__Inline_0__} prefixes and the weights as Constant nodes). Fetched with {@code npm pack},
     * which installs nothing, and unpacked with {@code tar}; skips (or fails under CI) without npm.
     */
    public static synchronized Path sileroVad(String version) {
        ExternalTools.require("npm (for " + VAD_PACKAGE + ")", ExternalTools.onPath("npm"));
        Path dir = ExternalTools.projectDir().resolve("target/testmodels/npm");
        Path target = dir.resolve("silero_vad_" + version + ".onnx");
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Path work = Files.createDirectories(dir).resolve("pack-" + ProcessHandle.current().pid());
            Files.createDirectories(work);
            run(work, "npm", "pack", "--silent", VAD_PACKAGE);
            Path tarball;
            try (Stream<Path> files = Files.list(work)) {
                tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("npm pack wrote no tarball in " + work));
            }
            String member = "package/dist/silero_vad_" + version + ".onnx";
            run(work, "tar", "xzf", tarball.getFileName().toString(), member);
            Files.move(work.resolve(member), target, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> left = Files.walk(work)) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(NPM_TIMEOUT_MINUTES, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
    }

    private static synchronized Path fromClassPath(String resource, String fileName) {
        Path target = ExternalTools.projectDir().resolve("target/testmodels/" + fileName);
        try (InputStream in = RealModels.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            if (!Files.isRegularFile(target)) {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "model", ".tmp");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every model.onnx of Debian's libonnx-testdata, sorted; skips (or fails under CI) when it is not installed. */
    public static List<Path> backendCorpus() {
        ExternalTools.require("Debian package libonnx-testdata (" + BACKEND_CORPUS + ")",
                Files.isDirectory(BACKEND_CORPUS));
        try (Stream<Path> files = Files.walk(BACKEND_CORPUS)) {
            return files.filter(p -> p.getFileName().toString().equals("model.onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A readable unique name for a corpus file: its folder path below the corpus root. */
    public static String corpusName(Path model) {
        return BACKEND_CORPUS.relativize(model.getParent()).toString().replace('/', '_');
    }
}
