package io.github.nnvizonnx.cli;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.constant;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.int64s;
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
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --shapes and its options through the command line: what is drawn, what stderr says, the exit code. */
class ShapesCliTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CommandRun run = CommandRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    /** Exit 0, a diagram on stdout, and (with -q) exactly one line on stderr: the warning, mentioning {@code why}. */
    private void assertDrawnWithOneWarning(int code, String why) {
        assertEquals(0, code, err);
        assertTrue(out.matches(OutputSyntax.MERMAID_START), out);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("nnviz-onnx: warning: "), err);
        assertTrue(lines.get(0).contains(why), err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    private Path chain(String name, GraphProto.Builder graph, String... domains) {
        var m = model(graph);
        for (String d : domains) {
            m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(d).setVersion(1));
        }
        return write(dir, name, m);
    }

    @Test
    void customDomainOpIsDrawnWithDeclaredShapesAndOneWarning() {
        Path file = chain("custom.onnx", GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addNode(node("relu", "Relu", in("x"), "h"))
                .addNode(node("frob", "Frobnicate", in("h"), "y").setDomain("com.example")), "com.example");
        assertDrawnWithOneWarning(run(file.toString(), "-q"), "Frobnicate");
        assertTrue(out.contains("([\"<b>x</b><br/>1×4\"])"), "declared input shape still drawn: " + out);
        assertEquals(0, run(file.toString()));
        assertEquals(1, err.lines().filter(l -> l.contains("warning")).count(), err);
        // a run slower than a second (a loaded machine, a cold start of the run's process) adds a status line
        assertEquals(2, err.lines().filter(l -> !l.contains("measuring tensor shapes")).count(),
                "the warning and the summary: " + err);
    }

    @Test
    void trainingDomainModelFromTheBackendCorpusIsDrawnWithOneWarning() {
        Path adagrad = RealModels.BACKEND_CORPUS.resolve("node/test_adagrad/model.onnx");
        ExternalTools.require("Debian package libonnx-testdata (" + adagrad + ")", Files.isRegularFile(adagrad));
        assertDrawnWithOneWarning(run(adagrad.toString(), "-q", "--depth", "all"), "Adagrad");
    }

    @Test
    void memoryGuardRefusesTheRun() {
        String minilm = RealModels.miniLm().toString();
        assertDrawnWithOneWarning(run(minilm, "-q", "--shapes-memory-limit", "64k"), "--shapes-memory-limit");
        assertTrue(err.contains("over the limit of 64.0 KiB"), err);
        assertTrue(out.contains("batch×batch"), "declared shapes drawn: " + out.lines().limit(3).toList());
        // Bound dims count: 2 × 100000 int64 ids alone exceed 1 MiB.
        assertDrawnWithOneWarning(run(minilm, "-q", "--dim", "batch=100000", "--shapes-memory-limit", "1m"),
                "--shapes-memory-limit");
    }

    @Test
    void memoryGuardCountsATensorSizedByAConstantShape() {
        // ConstantOfShape([25000, 4000]): 400 MB of float32 that no declared shape shows (it once ran, at 524 MB RSS),
        // and as much again for the sum that broadcasts x over it.
        Path file = chain("fill.onnx", GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 4000))
                .addNode(constant("shape", int64s("", 25000, 4000)))
                .addNode(node("fill", "ConstantOfShape", in("shape"), "big"))
                .addNode(node("add", "Add", in("x", "big"), "y"))
                .addOutput(ValueInfoProto.newBuilder().setName("y")));
        assertDrawnWithOneWarning(run(file.toString(), "-q", "--shapes-memory-limit", "64m"),
                "would take about 763 MiB, over the limit of 64.0 MiB (--shapes-memory-limit)");
    }

    @Test
    void externalDataIsReadFromTheModelsFolderOnly() throws IOException {
        Path ok = Files.createDirectories(dir.resolve("ok"));
        Files.write(ok.resolve("w.bin"), new byte[64]);
        Path file = write(ok, "external.onnx", model(externalWeightGraph("w.bin")));
        assertEquals(0, run(file.toString(), "-q", "--depth", "all"), err);
        assertEquals("", err);
        assertTrue(out.contains("-->|\"1×4\"|"), "the MatMul's output was measured: " + out);

        Path missing = write(ok, "missing.onnx", model(externalWeightGraph("absent.bin")));
        assertDrawnWithOneWarning(run(missing.toString(), "-q"), "'absent.bin' is missing");
        Files.write(dir.resolve("outside.bin"), new byte[64]);
        Path escaping = write(ok, "escaping.onnx", model(externalWeightGraph("../outside.bin")));
        assertDrawnWithOneWarning(run(escaping.toString(), "-q"),
                "refusing to read external data from '../outside.bin': it climbs out of the model's folder");
        Path absolute = write(ok, "absolute.onnx", model(externalWeightGraph(dir.resolve("outside.bin").toString())));
        assertDrawnWithOneWarning(run(absolute.toString(), "-q"), "it is an absolute path");
    }

    private static GraphProto.Builder externalWeightGraph(String location) {
        TensorProto w = TensorProto.newBuilder().setName("w").setDataType(1).addDims(4).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("64")).build();
        return GraphProto.newBuilder().setName("g").addInput(tensor("x", 1, 4)).addOutput(tensor("y", 1, 4))
                .addInitializer(w)
                .addNode(node("mm", "MatMul", in("x", "w"), "h"))
                .addNode(node("relu", "Relu", in("h"), "y"));
    }

    /** An image model whose input is N×3×H×W, symbolic. */
    private Path symbolicImageModel() {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String d : List.of("N", "3", "H", "W")) {
            shape.addDim(d.equals("3") ? TensorShapeProto.Dimension.newBuilder().setDimValue(3)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam(d));
        }
        ValueInfoProto image = ValueInfoProto.newBuilder().setName("pixels").setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
        return write(dir, "image.onnx", model(GraphProto.newBuilder().setName("g").addInput(image)
                .addOutput(ValueInfoProto.newBuilder().setName("y"))
                .addInitializer(weight("k", 8, 3, 3, 3))
                .addNode(node("/conv/Conv", "Conv", in("pixels", "k"), "c"))
                .addNode(node("/act/Relu", "Relu", in("c"), "y"))));
    }

    @Test
    void imageShortcutsAndDimsBindTheInput() {
        String file = symbolicImageModel().toString();
        assertEquals(0, run(file, "--input", "image224"), err);
        assertTrue(out.contains("-->|\"1×3×224×224\"|"), out);
        assertTrue(out.contains("-->|\"1×8×222×222\"|"), "measured conv output: " + out);
        assertFalse(err.contains("set to 1"), "every dim is bound: " + err);

        assertEquals(0, run(file, "--input", "pixels=default", "--show-dtypes", "-q"), err);
        assertTrue(out.contains("-->|\"float32 1×8×222×222\"|"), out);

        assertEquals(0, run(file, "--dim", "N=2", "--dim", "H=32", "--dim", "W=16", "-q"), err);
        assertTrue(out.contains("-->|\"2×8×30×14\"|"), out);

        assertEquals(0, run(file, "--dim", "H=8", "--dim", "W=9"), err);
        assertTrue(out.contains("-->|\"N×8×6×7\"|"), "the dim left free stays a symbol: " + out);

        assertEquals(0, run(file, "-q"), err);
        assertTrue(out.contains("-->|\"N×3×H×W\"|"), out);
        // Mermaid writes the minus as its entity #45; (a bare one could read as part of an arrow).
        assertTrue(out.contains("-->|\"N×8×H#45;2×W#45;2\"|"), "a 3×3 convolution without padding: " + out);

        assertEquals(0, run(file, "--shapes", "declared", "--dim", "H=8", "-q"), err);
        assertTrue(out.contains("N×3×8×W"), "declared mode binds dims too: " + out);
        assertEquals(0, run(file, "--shapes", "none", "-q"), err);
        assertFalse(out.contains("-->|"), out);
    }

    @Test
    void optionsThatDoNotFitTheModelAreUsageErrors() {
        String file = symbolicImageModel().toString();
        for (String[] args : List.of(
                new String[] {"--input", "nosuch=1x3"},
                new String[] {"--dim", "batch=1"},
                new String[] {"--dim", "N=0"},
                new String[] {"--dim", "N=many"},
                new String[] {"--input", "pixels=1x0x2"},
                new String[] {"--shapes", "measured"},
                new String[] {"--shapes-memory-limit", "lots"},
                new String[] {"--shapes-time-limit", "-1"})) {
            String[] full = new String[args.length + 1];
            full[0] = file;
            System.arraycopy(args, 0, full, 1, args.length);
            assertEquals(2, run(full), String.join(" ", args) + ": " + err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("nnviz-onnx: "), err);
        }
        assertEquals(2, run(file, "--input", "nosuch=1x3"));
        assertTrue(err.contains("its inputs: pixels"), err);
        assertEquals(2, run(file, "--dim", "batch=1"));
        assertTrue(err.contains("its symbolic dims: N, H, W"), err);
    }

    /** {@code a} and {@code b}, both n×4 (n symbolic), added into {@code y}, n×4 too. */
    private Path sharedSymbolModel() {
        ValueInfoProto.Builder[] tensors = new ValueInfoProto.Builder[3];
        String[] names = {"a", "b", "y"};
        for (int i = 0; i < 3; i++) {
            tensors[i] = ValueInfoProto.newBuilder().setName(names[i]).setType(TypeProto.newBuilder()
                    .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(TensorShapeProto.newBuilder()
                            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("n"))
                            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(4)))));
        }
        return write(dir, "shared.onnx", model(GraphProto.newBuilder().setName("g").addInput(tensors[0])
                .addInput(tensors[1]).addOutput(tensors[2]).addNode(node("add", "Add", in("a", "b"), "y"))));
    }

    /** Runs {@code args} on {@code file}: exit 2 and one line on stderr that contains {@code expected}. */
    private void assertRefused(String file, String expected, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = file;
        full[1] = "-q";
        System.arraycopy(args, 0, full, 2, args.length);
        assertEquals(2, run(full), String.join(" ", args) + ": " + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("nnviz-onnx: ") && err.contains(expected), err);
        assertEquals("", out);
    }

    @Test
    void inputValuesMustFitTheDeclaredShape() {
        String image = symbolicImageModel().toString();
        assertRefused(image, "--input pixels=1x3x8: input 'pixels' is declared N×3×H×W (4 dims), not 3 dims",
                "--input", "pixels=1x3x8");
        assertRefused(image, "--input pixels=1x4x8x8: input 'pixels' is declared N×3×H×W: its axis 1 is fixed at 3,"
                + " not 4", "--input", "pixels=1x4x8x8");
        assertRefused(image, "--input 1x3x224x224: input 'pixels' is declared N×3×H×W, so N is 1 here, but --dim N=2",
                "--dim", "N=2", "--input", "image224", "--shapes", "declared");
        assertRefused(image, "--input 1x3x16x16: input 'pixels' is given twice (also by --input 1x3x8x8)",
                "--input", "1x3x8x8", "--input", "1x3x16x16");
        assertRefused(image, "input 'pixels' is given twice", "--input", "pixels=1x3x8x8", "--input", "1x3x8x8");
        assertEquals(0, run(image, "-q", "--dim", "N=1", "--input", "image224", "--shapes", "declared"), err);

        String shared = sharedSymbolModel().toString();
        assertRefused(shared, "--input b=3x4: input 'b' is declared n×4, so n is 3 here, but --input a=2x4 makes it 2",
                "--input", "a=2x4", "--input", "b=3x4");
        assertEquals(0, run(shared, "-q", "--input", "a=2x4", "--shapes", "declared", "--depth", "all"), err);
        assertTrue(out.contains("b</b><br/>2×4"), "a's value binds n for b too: " + out);
        assertTrue(out.contains("|\"2×4\"|"), "and for the output: " + out);
    }
}
