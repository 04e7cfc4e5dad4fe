package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Third-party ONNX files the tests read: models in Maven Central jars and Debian's ONNX backend test corpus. */
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
