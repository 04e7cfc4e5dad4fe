package io.github.nnvizonnx.testsupport;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.weight;
import static io.github.nnvizonnx.testsupport.ProtoBytes.concat;
import static io.github.nnvizonnx.testsupport.ProtoBytes.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The bad-input matrix: files a user could be handed, each with what a correct run gives. A case either must fail
 * with the documented one-line error ({@link Expect#ERROR}), must draw ({@link Expect#DIAGRAM}, with a check that
 * the drawing is right), or may do either when chance decides (random bytes, a cut that happens to end between
 * two fields).
 */
public final class HostileFiles {
    /** What a correct run does with the file. */
    public enum Expect { ERROR, DIAGRAM, EITHER }

    /** Writes the file into a directory and returns it. */
    public interface Maker {
        Path make(Path dir) throws IOException;
    }

    /** Checks a drawing: the model read and the default view's outputs by format. */
    public interface Check {
        void verify(WholePipeline.Drawn drawn);
    }

    public record Case(String name, Expect expect, Maker maker, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final int MILLION = 1_000_000;
    private static final int TEN_MB = 10 * 1024 * 1024;

    private HostileFiles() {
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(notModels());
        cases.addAll(randomBytes());
        cases.addAll(truncated());
        cases.addAll(wrongFieldTypes());
        cases.addAll(graphShapes());
        cases.addAll(nesting());
        cases.addAll(numbers());
        cases.addAll(sizes());
        cases.addAll(hostileJson());
        return cases;
    }

    // ---- not a model at all

    private static List<Case> notModels() {
        return List.of(
                error("empty file", dir -> Files.write(dir.resolve("empty.onnx"), new byte[0])),
                error("whitespace only", dir -> Files.writeString(dir.resolve("blank.onnx"), " \n\t \n")),
                error("text", dir -> Files.writeString(dir.resolve("notes.onnx"), "hello, this is not a model\n")),
                error("ZIP archive", dir -> Files.write(dir.resolve("model.pt"), new byte[] {'P', 'K', 3, 4, 20, 0})),
                error("missing file", dir -> dir.resolve("no-such-file.onnx")),
                error("directory", dir -> Files.createDirectories(dir.resolve("a-directory.onnx"))),
                error("only an IR version", dir -> bytes(dir, "ir-only.onnx", ProtoBytes.varint(1, 8))));
    }

    private static List<Case> randomBytes() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(8);
        for (int i = 0; i < 20; i++) {
            int size = 1 + random.nextInt(i < 10 ? 64 : 65536);
            byte[] data = new byte[size];
            random.nextBytes(data);
            cases.add(new Case("random bytes " + i + " (" + size + " bytes)", Expect.EITHER,
                    dir -> bytes(dir, "random.onnx", data), drawn -> { }));
        }
        return cases;
    }

    /** A real export cut at every 64th byte, and our JSON of it cut at ten points. */
    private static List<Case> truncated() {
        List<Case> cases = new ArrayList<>();
        byte[] onnx = read(ExternalTools.projectDir().resolve("testdata/nnviz_intro_functions.onnx"));
        for (int cut = 1; cut < onnx.length; cut += 64) {
            byte[] head = Arrays.copyOf(onnx, cut);
            cases.add(new Case("real model cut at byte " + cut + " of " + onnx.length, Expect.EITHER,
                    dir -> bytes(dir, "cut.onnx", head), drawn -> { }));
        }
        byte[] json = introJson()
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i <= 10; i++) {
            byte[] head = Arrays.copyOf(json, json.length * i / 11);
            cases.add(error("model JSON cut at byte " + head.length + " of " + json.length,
                    dir -> bytes(dir, "cut.json", head)));
        }
        return cases;
    }

    // ---- fields of the wrong wire type or with invalid content

    private static List<Case> wrongFieldTypes() {
        byte[] header = model(GraphProto.newBuilder()).clearGraph().build().toByteArray();
        byte[] relu = node("/block/Relu", "Relu", in("x"), "y").build().toByteArray();
        byte[] io = concat(field(GraphProto.INPUT_FIELD_NUMBER, tensor("x", 1, 4).toByteArray()),
                field(GraphProto.OUTPUT_FIELD_NUMBER, tensor("y", 1, 4).toByteArray()));
        return List.of(
                error("a varint where the graph message should be",
                        dir -> bytes(dir, "varint-graph.onnx", concat(header,
                                ProtoBytes.varint(ModelProto.GRAPH_FIELD_NUMBER, 5)))),
                new Case("a fixed32 where a node message should be", Expect.DIAGRAM,
                        dir -> bytes(dir, "fixed32-node.onnx", concat(header, field(ModelProto.GRAPH_FIELD_NUMBER,
                                concat(ProtoBytes.fixed32(GraphProto.NODE_FIELD_NUMBER, 42), io,
                                        field(GraphProto.NODE_FIELD_NUMBER, relu))))),
                        drawn -> assertOperations(drawn, 1)),
                new Case("a string where the IR version varint should be", Expect.DIAGRAM,
                        dir -> bytes(dir, "string-ir.onnx", concat(
                                field(ModelProto.IR_VERSION_FIELD_NUMBER, "eight".getBytes(StandardCharsets.UTF_8)),
                                header, field(ModelProto.GRAPH_FIELD_NUMBER, concat(io,
                                        field(GraphProto.NODE_FIELD_NUMBER, relu))))),
                        drawn -> assertOperations(drawn, 1)),
                new Case("node name and op type with invalid UTF-8 and NUL", Expect.DIAGRAM,
                        dir -> bytes(dir, "bad-utf8.onnx", concat(header, field(ModelProto.GRAPH_FIELD_NUMBER,
                                concat(io, field(GraphProto.NODE_FIELD_NUMBER, concat(
                                        field(NodeProto.INPUT_FIELD_NUMBER, "x".getBytes(StandardCharsets.UTF_8)),
                                        field(NodeProto.OUTPUT_FIELD_NUMBER, "y".getBytes(StandardCharsets.UTF_8)),
                                        field(NodeProto.NAME_FIELD_NUMBER, new byte[] {'/', 'm', (byte) 0xFF,
                                            (byte) 0xED, (byte) 0xA0, (byte) 0x80, '/', 'R'}),
                                        field(NodeProto.OP_TYPE_FIELD_NUMBER, new byte[] {'R', 0, (byte) 0xC3,
                                            'x', (byte) 0xF0, (byte) 0x9F}))))))),
                        drawn -> assertOperations(drawn, 1)),
                error("invalid wire type 7",
                        dir -> bytes(dir, "wire7.onnx", concat(header, ProtoBytes.tag(ModelProto.GRAPH_FIELD_NUMBER,
                                7), new byte[] {1, 2, 3}))),
                error("a group that never ends",
                        dir -> bytes(dir, "group.onnx", concat(header, ProtoBytes.tag(ModelProto.GRAPH_FIELD_NUMBER,
                                3), ProtoBytes.varint(1, 1)))),
                error("a length beyond the end of the file",
                        dir -> bytes(dir, "long.onnx", concat(header, ProtoBytes.tag(ModelProto.GRAPH_FIELD_NUMBER,
                                2), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 1, 2}))),
                error("a negative length",
                        dir -> bytes(dir, "negative.onnx", concat(header, ProtoBytes.tag(ModelProto.GRAPH_FIELD_NUMBER,
                                2), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 1}))),
                new Case("weight dims packed as garbage", Expect.EITHER,
                        dir -> bytes(dir, "garbage-dims.onnx", concat(header, field(ModelProto.GRAPH_FIELD_NUMBER,
                                concat(io, field(GraphProto.NODE_FIELD_NUMBER, relu),
                                        field(GraphProto.INITIALIZER_FIELD_NUMBER, concat(
                                                field(TensorProto.NAME_FIELD_NUMBER, new byte[] {'w'}),
                                                field(TensorProto.DIMS_FIELD_NUMBER, new byte[] {(byte) 0x80, 3,
                                                    (byte) 0xFF}))))))),
                        drawn -> { }),
                new Case("an attribute typed GRAPH that holds an int", Expect.DIAGRAM,
                        dir -> write(dir, "attribute-type.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                                .addNode(node("/a/If", "If", in("x"), "y").addAttribute(AttributeProto.newBuilder()
                                        .setName("then_branch").setType(AttributeProto.AttributeType.GRAPH).setI(3)))),
                        drawn -> assertOperations(drawn, 1)));
    }

    // ---- graphs that are not DAGs, or that name things twice or never

    private static List<Case> graphShapes() {
        return List.of(
                new Case("a two-node cycle", Expect.DIAGRAM,
                        dir -> write(dir, "cycle.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("a", 1))
                                .addNode(node("/m1/Add", "Add", in("x", "b"), "a"))
                                .addNode(node("/m2/Relu", "Relu", in("a"), "b"))),
                        drawn -> {
                            assertEdge(drawn, "Add", "Relu");
                            assertEdge(drawn, "Relu", "Add");
                        }),
                new Case("a node that reads its own output", Expect.DIAGRAM,
                        dir -> write(dir, "self-loop.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("t", 1))
                                .addNode(node("/m/Add", "Add", in("x", "t"), "t"))),
                        drawn -> assertSelfLoop(drawn, "Add")),
                new Case("a cycle of constant-like operations", Expect.DIAGRAM,
                        dir -> write(dir, "constant-cycle.onnx", GraphProto.newBuilder()
                                .addOutput(tensor("c1", 1))
                                .addNode(node("/a/Identity", "Identity", in("c2"), "c1"))
                                .addNode(node("/b/Identity", "Identity", in("c1"), "c2"))),
                        drawn -> assertOperations(drawn, 2)),
                new Case("an input nobody produces", Expect.DIAGRAM,
                        dir -> write(dir, "dangling.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                                .addNode(node("/m/Add", "Add", in("x", "ghost"), "y"))),
                        drawn -> assertEdgeFromInput(drawn, "ghost", "Add")),
                new Case("an output nobody produces, empty names", Expect.DIAGRAM,
                        dir -> write(dir, "unproduced.onnx", GraphProto.newBuilder()
                                .addInput(tensor("", 1)).addOutput(tensor("never", 1)).addOutput(tensor("", 1))
                                .addNode(node("", "", in("", ""), "", ""))),
                        drawn -> assertEquals(2, drawn.model().nodes(OutputNode.class).size(), "outputs")),
                new Case("a subgraph reading an undefined outer name", Expect.DIAGRAM,
                        dir -> write(dir, "outer-ghost.onnx", GraphProto.newBuilder()
                                .addInput(tensor("c", 1)).addOutput(tensor("y", 1))
                                .addNode(node("/m/If", "If", in("c"), "y").addAttribute(graphAttribute("then_branch",
                                        GraphProto.newBuilder().addOutput(tensor("t", 1))
                                                .addNode(node("inner", "Neg", in("nowhere"), "t")).build())))),
                        drawn -> assertOperations(drawn, 2)),
                new Case("duplicate node names", Expect.DIAGRAM,
                        dir -> write(dir, "same-names.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("z", 1))
                                .addNode(node("/block/Relu", "Relu", in("x"), "y"))
                                .addNode(node("/block/Relu", "Relu", in("y"), "z"))),
                        drawn -> {
                            assertOperations(drawn, 2);
                            assertEdge(drawn, "Relu", "Relu");
                        }),
                new Case("two producers of one tensor", Expect.DIAGRAM,
                        dir -> write(dir, "two-producers.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("z", 1))
                                .addNode(node("/a/Relu", "Relu", in("x"), "t"))
                                .addNode(node("/b/Neg", "Neg", in("x"), "t"))
                                .addNode(node("/c/Abs", "Abs", in("t"), "z"))),
                        drawn -> {
                            assertOperations(drawn, 3);
                            assertEquals(1, drawn.model().graph().inDegreeOf(operation(drawn, "Abs")),
                                    "the consumer reads one of the producers");
                        }),
                new Case("duplicate inputs, an input named like a weight, duplicate weights", Expect.DIAGRAM,
                        dir -> write(dir, "duplicate-tensors.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addInput(tensor("x", 2)).addInput(tensor("w", 2))
                                .addOutput(tensor("y", 1)).addOutput(tensor("y", 1))
                                .addInitializer(weight("w", 2)).addInitializer(weight("w", 3))
                                .addNode(node("/m/MatMul", "MatMul", in("x", "w"), "y"))),
                        drawn -> assertOperations(drawn, 1)),
                new Case("a local function defined twice, and one with more formals than the call", Expect.DIAGRAM,
                        dir -> write(dir, "duplicate-functions.onnx", model(GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                                .addNode(node("/f/F", "F", in("x"), "y").setDomain("d")))
                                .addFunctions(function("d", "F", in("a", "b", "c"), "o", "p")
                                        .addNode(node("n", "Add", in("a", "b"), "o")))
                                .addFunctions(function("d", "F", in("a"), "o")
                                        .addNode(node("n", "Neg", in("a"), "o")))
                                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("d").setVersion(1))),
                        drawn -> assertOperations(drawn, 1)));
    }

    // ---- depth

    private static List<Case> nesting() {
        return List.of(
                error("subgraphs nested 1000 deep", dir -> bytes(dir, "deep.onnx", ProtoBytes.nestedIfModel(1000))),
                new Case("subgraphs nested 30 deep", Expect.DIAGRAM,
                        dir -> bytes(dir, "deep30.onnx", ProtoBytes.nestedIfModel(30)),
                        drawn -> assertOperations(drawn, 30)),
                new Case("local functions each calling the next twice, 41 deep (2^40 operations)", Expect.DIAGRAM,
                        dir -> write(dir, "bomb.onnx", HostileModels.functionBomb(41, 2)),
                        drawn -> assertOperations(drawn, 1)),
                new Case("local functions calling the next three times, 10 deep (19,683 operations)",
                        Expect.DIAGRAM, dir -> write(dir, "fan3.onnx", HostileModels.functionBomb(10, 3)),
                        drawn -> assertOperations(drawn, 19_683)),
                new Case("local functions calling each other 1000 deep", Expect.DIAGRAM,
                        dir -> write(dir, "deep-calls.onnx", callChain(1000)),
                        drawn -> assertTrue(drawn.model().modules().size() > 10, "calls become modules")),
                new Case("node names 100,000 scopes deep", Expect.DIAGRAM,
                        dir -> write(dir, "deep-scopes.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                                .addNode(node("/a".repeat(100_000) + "/Relu", "Relu", in("x"), "h"))
                                .addNode(node("/a".repeat(99_999) + "/b/Neg", "Neg", in("h"), "y"))),
                        drawn -> assertOperations(drawn, 2)),
                new Case("dynamo metadata 100,000 scopes deep", Expect.DIAGRAM,
                        dir -> write(dir, "deep-dynamo.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                                .addNode(OnnxBuilder.withMetadata(node("node_Relu_0", "Relu", in("x"), "y"),
                                        "pkg.torch.onnx.name_scopes",
                                        "['', " + "'a', ".repeat(100_000) + "'b']"))),
                        drawn -> assertOperations(drawn, 1)));
    }

    /** f0 calls f1 calls ... f(n-1): each function a module inside the previous one. */
    private static ModelProto.Builder callChain(int n) {
        ModelProto.Builder m = model(GraphProto.newBuilder().addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                .addNode(node("/top/f0", "f0", in("x"), "y").setDomain("chain")))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("chain").setVersion(1));
        for (int i = 0; i < n; i++) {
            FunctionProto.Builder f = function("chain", "f" + i, in("a"), "b");
            f.addNode(i == n - 1 ? node("leaf", "Relu", in("a"), "b")
                    : node("call", "f" + (i + 1), in("a"), "b").setDomain("chain"));
            m.addFunctions(f);
        }
        return m;
    }

    // ---- numbers no tensor has

    private static List<Case> numbers() {
        long big = 3_000_000_000L;
        long huge = 1L << 40;
        return List.of(
                new Case("dims above 2^31", Expect.DIAGRAM,
                        dir -> write(dir, "big-dims.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", big, huge)).addOutput(tensor("y", big, huge))
                                .addInitializer(TensorProto.newBuilder().setName("w").setDataType(1)
                                        .addDims(huge).addDims(huge).addDims(huge))
                                .addNode(node("/m/Add", "Add", in("x", "w"), "y"))),
                        drawn -> {
                            assertEquals(big + "×" + huge, inputShape(drawn));
                            assertContains(drawn.outputs().get("mermaid"), big + "×" + huge);
                            assertEquals(Long.MAX_VALUE, drawn.model().totalParameters(), "saturates");
                        }),
                new Case("negative dims", Expect.DIAGRAM,
                        dir -> write(dir, "negative-dims.onnx", GraphProto.newBuilder()
                                .addInput(tensor("x", -1, Long.MIN_VALUE)).addOutput(tensor("y", -1, Long.MIN_VALUE))
                                .addInitializer(TensorProto.newBuilder().setName("w").setDataType(1)
                                        .addDims(-5).addDims(3))
                                .addNode(node("/m/Add", "Add", in("x", "w"), "y"))),
                        drawn -> {
                            assertEquals("-1×" + Long.MIN_VALUE, inputShape(drawn));
                            assertContains(drawn.outputs().get("mermaid"), "#45;1×#45;9223372036854775808");
                            assertEquals(0, drawn.model().totalParameters(), "a negative dim counts nothing");
                        }),
                new Case("10,000 dims and element type codes out of range", Expect.DIAGRAM,
                        dir -> write(dir, "many-dims.onnx", GraphProto.newBuilder()
                                .addInput(manyDims("x", 10_000, 999)).addOutput(manyDims("y", 10_000, -5))
                                .addNode(node("/m/Relu", "Relu", in("x"), "y"))),
                        drawn -> assertTrue(drawn.outputs().get("mermaid").length() < 10_000, "labels are clipped")));
    }

    private static ValueInfoProto manyDims(String name, int count, int elementType) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < count; i++) {
            shape.addDim(i % 2 == 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(i)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam("s" + i));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))).build();
    }

    // ---- sizes

    private static List<Case> sizes() {
        String tenMb = "s".repeat(TEN_MB);
        String million = "n".repeat(MILLION);
        return List.of(
                new Case("10 MB attribute string, doc string and metadata value", Expect.DIAGRAM,
                        dir -> write(dir, "huge-strings.onnx", model(GraphProto.newBuilder()
                                .addInput(tensor("x", 1)).addOutput(tensor("y", 1)).setDocString(tenMb)
                                .addNode(node("/m/Relu", "Relu", in("x"), "y").addAttribute(AttributeProto.newBuilder()
                                        .setName("note").setType(AttributeProto.AttributeType.STRING)
                                        .setS(ByteString.copyFromUtf8(tenMb)))))
                                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("k").setValue(tenMb))),
                        drawn -> {
                            assertSmall(drawn, "mermaid");
                            assertSmall(drawn, "dot");
                            assertSmall(drawn, "graphml");
                        }),
                new Case("names of a million characters", Expect.DIAGRAM,
                        dir -> write(dir, "long-names.onnx", GraphProto.newBuilder().setName(million)
                                .addInput(tensor(million + "x", 1)).addOutput(tensor(million + "y", 1))
                                .addNode(node("/" + million + "/" + million, million, in(million + "x"), "h"))
                                .addNode(node("/" + million + "/Neg", "Neg", in("h"), million + "y"))),
                        drawn -> {
                            assertOperations(drawn, 2);
                            assertSmall(drawn, "mermaid");
                            assertSmall(drawn, "dot");
                        }),
                new Case("a chain of 20,000 operations on a weight", Expect.DIAGRAM,
                        dir -> write(dir, "long-chain.onnx", longChain(20_000)),
                        drawn -> assertOperations(drawn, 20_000)),
                new Case("20,000 calls of one local function, each in its own scope", Expect.DIAGRAM,
                        dir -> write(dir, "many-calls.onnx", manyCalls(20_000, true)),
                        drawn -> assertOperations(drawn, 20_000)),
                new Case("20,000 unnamed calls of one local function", Expect.DIAGRAM,
                        dir -> write(dir, "many-unnamed-calls.onnx", manyCalls(20_000, false)),
                        drawn -> assertEquals(20_001, drawn.model().modules().size(), "one module per call")));
    }

    /** A chain of calls of F, each named in torch style after its own scope, or all unnamed. */
    private static ModelProto.Builder manyCalls(int count, boolean scoped) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", 1)).addOutput(tensor("y", 1));
        String previous = "x";
        for (int i = 0; i < count; i++) {
            String out = i == count - 1 ? "y" : "t" + i;
            g.addNode(node(scoped ? "/layers/layers." + i + "/F" : "", "F", in(previous), out).setDomain("d"));
            previous = out;
        }
        return model(g).addFunctions(function("d", "F", in("a"), "b").addNode(node("n", "Relu", in("a"), "b")))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("d").setVersion(1));
    }

    /** Identity after Identity from a weight: every link is constant-like and moves with its consumer. */
    private static GraphProto.Builder longChain(int length) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                .addInitializer(weight("w", 1));
        String previous = "w";
        for (int i = 0; i < length - 1; i++) {
            g.addNode(node("/m" + (i % 7) + "/Identity_" + i, "Identity", in(previous), "t" + i));
            previous = "t" + i;
        }
        return g.addNode(node("/out/Add", "Add", in("x", previous), "y"));
    }

    // ---- JSON that claims to be ours

    private static List<Case> hostileJson() {
        String valid = introJson();
        return List.of(
                error("JSON of the wrong shape", dir -> json(dir, "{\"format\": \"nnviz-onnx-model\", \"version\": 1,"
                        + " \"info\": [], \"nodes\": 5}")),
                error("JSON without its fields", dir -> json(dir, "{\"format\": \"nnviz-onnx-model\","
                        + " \"version\": 1}")),
                error("JSON that is an array", dir -> json(dir, "[1, 2, 3]")),
                error("JSON with a key twice", dir -> json(dir, valid.replaceFirst("\"version\": 1",
                        "\"version\": 1, \"version\": 1"))),
                error("JSON with a negative parameter count", dir -> json(dir, valid.replaceFirst(
                        "\"parameters\": \\d+", "\"parameters\": -1"))),
                error("JSON without its root module", dir -> json(dir, valid.replaceFirst(
                        "\\{\\s*\"path\": \\[\\],[^}]*\\},?", ""))),
                error("JSON nested 100,000 arrays deep", dir -> json(dir, "{\"format\": " + "[".repeat(100_000))),
                error("JSON with a number beyond any type", dir -> json(dir, valid.replaceFirst("\"version\": 1",
                        "\"version\": 1e999"))),
                error("JSON with an unknown module kind", dir -> json(dir, valid.replace("\"kind\": \"module\"",
                        "\"kind\": \"gadget\""))),
                error("JSON node in a module that does not exist", dir -> json(dir, valid.replaceFirst(
                        "\"scope\": \\[\\]", "\"scope\": [\"nowhere\"]"))),
                error("JSON edge to a node that does not exist", dir -> json(dir, valid.replaceFirst(
                        "\"to\": \"n\\d+\"", "\"to\": \"n999999\""))),
                error("JSON names that are null", dir -> json(dir, valid.replace("\"opType\": \"Gemm\"",
                        "\"opType\": null"))),
                new Case("JSON names with lone surrogates, NUL and bidi controls", Expect.DIAGRAM,
                        dir -> json(dir, valid.replace("\"opType\": \"Relu\"",
                                "\"opType\": \"R\\ud800e\\u0000l\\u202eu\\udfff\"")),
                        drawn -> assertTrue(drawn.model().nodes(OperationNode.class).stream()
                                .anyMatch(op -> op.opType().equals("R\ufffde\u0000l\u202eu\ufffd")),
                                "the name is kept, each lone surrogate as U+FFFD")));
    }

    // ---- helpers

    private static Case error(String name, Maker maker) {
        return new Case(name, Expect.ERROR, maker, drawn -> { });
    }

    private static Path write(Path dir, String fileName, GraphProto.Builder graph) {
        return OnnxBuilder.write(dir, fileName, model(graph));
    }

    private static Path write(Path dir, String fileName, ModelProto.Builder model) {
        return OnnxBuilder.write(dir, fileName, model);
    }

    private static Path bytes(Path dir, String fileName, byte[] data) throws IOException {
        return Files.write(dir.resolve(fileName), data);
    }

    private static Path json(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("model.json"), text);
    }

    private static String introJson() {
        return Drawing.draw("json", OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx")),
                ViewOptions.defaults());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertOperations(WholePipeline.Drawn drawn, int expected) {
        assertEquals(expected, drawn.model().nodes(OperationNode.class).size(), "operations");
    }

    private static OperationNode operation(WholePipeline.Drawn drawn, String opType) {
        return drawn.model().nodes(OperationNode.class).stream().filter(op -> op.opType().equals(opType))
                .findFirst().orElseThrow(() -> new AssertionError("no " + opType + " operation"));
    }

    private static void assertEdge(WholePipeline.Drawn drawn, String fromOp, String toOp) {
        var graph = drawn.model().graph();
        assertTrue(graph.edgeSet().stream().anyMatch(e -> isOp(graph.getEdgeSource(e), fromOp)
                && isOp(graph.getEdgeTarget(e), toOp)), "an edge " + fromOp + " → " + toOp);
    }

    private static void assertSelfLoop(WholePipeline.Drawn drawn, String opType) {
        var graph = drawn.model().graph();
        assertTrue(graph.edgeSet().stream().anyMatch(e -> isOp(graph.getEdgeSource(e), opType)
                && graph.getEdgeSource(e).equals(graph.getEdgeTarget(e))), "a loop on " + opType);
    }

    private static boolean isOp(Node n, String opType) {
        return n instanceof OperationNode op && op.opType().equals(opType);
    }

    private static void assertEdgeFromInput(WholePipeline.Drawn drawn, String input, String toOp) {
        var graph = drawn.model().graph();
        assertTrue(graph.edgeSet().stream().anyMatch(e -> graph.getEdgeSource(e) instanceof InputNode i
                && i.tensor().name().equals(input) && isOp(graph.getEdgeTarget(e), toOp)),
                "an Input " + input + " feeds " + toOp);
    }

    private static void assertSmall(WholePipeline.Drawn drawn, String format) {
        int length = drawn.outputs().get(format).length();
        assertTrue(length < 100_000, format + " is " + length + " characters: long names must be clipped");
    }

    private static String inputShape(WholePipeline.Drawn drawn) {
        return drawn.model().nodes(InputNode.class).get(0).tensor().shape().compact();
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected '" + part + "' in:\n" + text);
    }
}
