package io.github.nnvizonnx.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a BERT-like ONNX model of any size the way torch 1.13's TorchScript exporter writes one: node names with
 * module scopes ({@code /encoder/layer.3/attention/self/query/MatMul}), {@code Constant} nodes, Shape → Gather →
 * Unsqueeze → Concat shape glue, Reshape/Transpose around the attention heads, LayerNormalization, an erf-based GELU,
 * {@code value_info} for every intermediate tensor, and every weight as external data ({@code data_location =
 * EXTERNAL} with {@code location}, {@code offset} and {@code length}) in a side file {@code OUT.onnx.data}.
 *
 * <p>Memory stays flat for any size: each layer is built and written on its own, as one more occurrence of the
 * model's {@code graph} field (protobuf merges repeated occurrences of a message field, so readers see one graph).
 * The side file is sized with {@link RandomAccessFile#setLength}, so its zeros take no disk space. Weights are small
 * (hidden size {@value #HIDDEN}): the point is the number of nodes.
 *
 * <p>Usage: {@code SyntheticModel OUT.onnx NODES [variant]}, NODES as {@code 10000}, {@code 10k} or {@code 1M}: the
 * model gets as many layers as come closest to that many nodes. {@code variant}: every tenth layer (3, 13, 23, …)
 * activates with a ReLU instead of the erf GELU, a model to compare with the plain one ({@code nnviz-onnx diff}).
 */
public final class SyntheticModel {
    static final int HIDDEN = 16;
    static final int HEADS = 2;
    static final int HEAD_SIZE = HIDDEN / HEADS;
    static final int SEQUENCE = 8;
    static final int FEED_FORWARD = 4 * HIDDEN;
    static final int VOCABULARY = 1000;
    /** Nodes outside the layers: the attention-mask arithmetic and the embeddings. */
    static final int FIXED_NODES = 17;
    static final int NODES_PER_LAYER = 48;

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private final String dataFileName;
    private final boolean variant;
    private long dataOffset;
    private int nextWeightId = 1;

    private SyntheticModel(String dataFileName, boolean variant) {
        this.dataFileName = dataFileName;
        this.variant = variant;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals("variant")) {
            System.err.println("usage: SyntheticModel OUT.onnx NODES [variant]   (NODES: 10000, 10k, 1M)");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int layers = layersFor(parseCount(args[1]));
        int nodes = write(out, layers, args.length == 3);
        System.out.println(out + ": " + layers + " layers, " + nodes + " nodes");
    }

    /** The layer count whose model comes closest to {@code nodes} nodes (at least one layer). */
    public static int layersFor(long nodes) {
        return (int) Math.max(1, Math.round((double) (nodes - FIXED_NODES) / NODES_PER_LAYER));
    }

    static long parseCount(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
        return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }

    /** Writes the model and its side file {@code model + ".data"}; returns the number of nodes written. */
    public static int write(Path model, int layers) throws IOException {
        return write(model, layers, false);
    }

    /** {@link #write(Path, int)}, every tenth layer activated by a ReLU when {@code variant}. */
    public static int write(Path model, int layers, boolean variant) throws IOException {
        Path data = model.resolveSibling(model.getFileName() + ".data");
        SyntheticModel writer = new SyntheticModel(data.getFileName().toString(), variant);
        int nodes = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(model), 1 << 20)) {
            CodedOutputStream out = CodedOutputStream.newInstance(file, 1 << 16);
            ModelProto header = ModelProto.newBuilder().setIrVersion(8).setProducerName("pytorch")
                    .setProducerVersion("1.13.1")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                    .addMetadataProps(StringStringEntryProto.newBuilder().setKey("nnviz.synthetic")
                            .setValue(layers + " layers"))
                    .build();
            header.writeTo(out);
            Chunk first = writer.new Chunk();
            String hidden = first.embeddings();
            nodes += first.writeTo(out);
            for (int i = 0; i < layers; i++) {
                Chunk layer = writer.new Chunk();
                hidden = layer.layer(i, hidden, i == layers - 1);
                nodes += layer.writeTo(out);
            }
            out.flush();
        }
        try (RandomAccessFile side = new RandomAccessFile(data.toFile(), "rw")) {
            side.setLength(writer.dataOffset);
        }
        return nodes;
    }

    /** One piece of the graph, written as one occurrence of {@code ModelProto.graph}. */
    private final class Chunk {
        private final GraphProto.Builder graph = GraphProto.newBuilder();
        private final Map<String, Integer> namesUsed = new HashMap<>();
        private String mask;

        int writeTo(CodedOutputStream out) throws IOException {
            out.writeMessage(ModelProto.GRAPH_FIELD_NUMBER, graph.build());
            return graph.getNodeCount();
        }

        /** The inputs, the attention mask arithmetic at the root, and the embeddings; returns the hidden state. */
        String embeddings() {
            graph.setName("main_graph");
            graph.addInput(value("input_ids", INT64, 1, SEQUENCE));
            graph.addInput(value("attention_mask", INT64, 1, SEQUENCE));
            String unsqueezed = op("", "Unsqueeze", INT64, shape(1, 1, SEQUENCE), "attention_mask",
                    constant("", ints(1)));
            unsqueezed = op("", "Unsqueeze", INT64, shape(1, 1, 1, SEQUENCE), unsqueezed, constant("", ints(2)));
            String cast = op("", "Cast", FLOAT, shape(1, 1, 1, SEQUENCE), unsqueezed);
            withAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                    .setI(FLOAT));
            String inverted = op("", "Sub", FLOAT, shape(1, 1, 1, SEQUENCE), constant("", scalar(1f)), cast);
            mask = op("", "Mul", FLOAT, shape(1, 1, 1, SEQUENCE), inverted, constant("", scalar(-10000f)));
            String words = op("/embeddings/word_embeddings", "Gather", FLOAT, shape(1, SEQUENCE, HIDDEN),
                    weight("embeddings.word_embeddings.weight", VOCABULARY, HIDDEN), "input_ids");
            String positionIds = constant("/embeddings", row(0, 1, 2, 3, 4, 5, 6, 7));
            String positions = op("/embeddings/position_embeddings", "Gather", FLOAT, shape(1, SEQUENCE, HIDDEN),
                    weight("embeddings.position_embeddings.weight", SEQUENCE, HIDDEN), positionIds);
            String types = op("/embeddings/token_type_embeddings", "Gather", FLOAT, shape(1, SEQUENCE, HIDDEN),
                    weight("embeddings.token_type_embeddings.weight", 2, HIDDEN),
                    constant("/embeddings", row(0, 0, 0, 0, 0, 0, 0, 0)));
            String sum = op("/embeddings", "Add", FLOAT, shape(1, SEQUENCE, HIDDEN), words, types);
            sum = op("/embeddings", "Add", FLOAT, shape(1, SEQUENCE, HIDDEN), sum, positions);
            return layerNorm("/embeddings/LayerNorm", "embeddings.LayerNorm", sum);
        }

        /** One encoder layer: self-attention, its output block, the feed-forward block. */
        String layer(int index, String input, boolean last) {
            mask = "/Mul_output_0";
            String scope = "/encoder/layer." + index;
            String module = "encoder.layer." + index;
            String attention = selfAttention(scope + "/attention/self", module + ".attention.self", input);
            String attended = residual(scope + "/attention/output", module + ".attention.output", attention,
                    input, HIDDEN);
            String up = linear(scope + "/intermediate/dense", module + ".intermediate.dense", attended, HIDDEN,
                    FEED_FORWARD);
            String act = scope + "/intermediate/intermediate_act_fn";
            String activated = variant && index % 10 == 3
                    ? op(act, "Relu", FLOAT, shape(1, SEQUENCE, FEED_FORWARD), up) : gelu(act, up);
            String result = residual(scope + "/output", module + ".output", activated, attended, FEED_FORWARD);
            if (last) {
                graph.addOutput(value("last_hidden_state", FLOAT, 1, SEQUENCE, HIDDEN));
                graph.getNodeBuilder(graph.getNodeCount() - 1).setOutput(0, "last_hidden_state");
                graph.removeValueInfo(graph.getValueInfoCount() - 1);
                return "last_hidden_state";
            }
            return result;
        }

        private String selfAttention(String scope, String module, String input) {
            String query = linear(scope + "/query", module + ".query", input, HIDDEN, HIDDEN);
            String key = linear(scope + "/key", module + ".key", input, HIDDEN, HIDDEN);
            String value = linear(scope + "/value", module + ".value", input, HIDDEN, HIDDEN);
            // torch traces x.size(0) for the batch: Shape → Gather → Unsqueeze → Concat computes the target shape
            String batch = op(scope, "Gather", INT64, shape(), op(scope, "Shape", INT64, shape(3), input),
                    constant(scope, scalar(0L)));
            String target = op(scope, "Concat", INT64, shape(4), op(scope, "Unsqueeze", INT64, shape(1), batch,
                    constant(scope, ints(0))), constant(scope, ints(SEQUENCE, HEADS, HEAD_SIZE)));
            withAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(0));
            String q = heads(scope, query, target, 0, 2, 1, 3);
            String k = heads(scope, key, constant(scope, ints(1, SEQUENCE, HEADS, HEAD_SIZE)), 0, 2, 3, 1);
            String v = heads(scope, value, constant(scope, ints(1, SEQUENCE, HEADS, HEAD_SIZE)), 0, 2, 1, 3);
            long[] scores = shape(1, HEADS, SEQUENCE, SEQUENCE);
            String s = op(scope, "MatMul", FLOAT, scores, q, k);
            s = op(scope, "Div", FLOAT, scores, s, constant(scope, scalar((float) Math.sqrt(HEAD_SIZE))));
            s = op(scope, "Add", FLOAT, scores, s, mask);
            s = op(scope, "Softmax", FLOAT, scores, s);
            withAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(-1));
            String context = op(scope, "MatMul", FLOAT, shape(1, HEADS, SEQUENCE, HEAD_SIZE), s, v);
            context = transpose(scope, context, shape(1, SEQUENCE, HEADS, HEAD_SIZE), 0, 2, 1, 3);
            return op(scope, "Reshape", FLOAT, shape(1, SEQUENCE, HIDDEN), context,
                    constant(scope, ints(1, SEQUENCE, HIDDEN)));
        }

        private String heads(String scope, String x, String target, long... permutation) {
            String split = op(scope, "Reshape", FLOAT, shape(1, SEQUENCE, HEADS, HEAD_SIZE), x, target);
            long[] dims = new long[4];
            long[] before = {1, SEQUENCE, HEADS, HEAD_SIZE};
            for (int i = 0; i < 4; i++) {
                dims[i] = before[(int) permutation[i]];
            }
            return transpose(scope, split, dims, permutation);
        }

        private String transpose(String scope, String x, long[] dims, long... permutation) {
            String out = op(scope, "Transpose", FLOAT, dims, x);
            withAttribute(AttributeProto.newBuilder().setName("perm")
                    .setType(AttributeProto.AttributeType.INTS).addAllInts(List.of(permutation[0], permutation[1],
                            permutation[2], permutation[3])));
            return out;
        }

        /** dense (MatMul + Add), the residual Add, LayerNorm: BERT's SelfOutput and Output blocks. */
        private String residual(String scope, String module, String x, String skip, int inputs) {
            String dense = linear(scope + "/dense", module + ".dense", x, inputs, HIDDEN);
            String sum = op(scope, "Add", FLOAT, shape(1, SEQUENCE, HIDDEN), dense, skip);
            return layerNorm(scope + "/LayerNorm", module + ".LayerNorm", sum);
        }

        private String linear(String scope, String module, String x, int inputs, int outputs) {
            // torch 1.13 stores a Linear's transposed weight under an anonymous name
            String product = op(scope, "MatMul", FLOAT, shape(1, SEQUENCE, outputs), x,
                    weight("onnx::MatMul_" + nextWeightId++, inputs, outputs));
            return op(scope, "Add", FLOAT, shape(1, SEQUENCE, outputs), weight(module + ".bias", outputs), product);
        }

        private String layerNorm(String scope, String module, String x) {
            String out = op(scope, "LayerNormalization", FLOAT, shape(1, SEQUENCE, HIDDEN), x,
                    weight(module + ".weight", HIDDEN), weight(module + ".bias", HIDDEN));
            withAttribute(AttributeProto.newBuilder().setName("epsilon")
                    .setType(AttributeProto.AttributeType.FLOAT).setF(1e-12f));
            return out;
        }

        /** x * 0.5 * (1 + erf(x / sqrt(2))), as torch 1.13 exports nn.GELU. */
        private String gelu(String scope, String x) {
            long[] dims = shape(1, SEQUENCE, FEED_FORWARD);
            String scaled = op(scope, "Div", FLOAT, dims, x, constant(scope, scalar(1.4142135f)));
            String erf = op(scope, "Erf", FLOAT, dims, scaled);
            String shifted = op(scope, "Add", FLOAT, dims, erf, constant(scope, scalar(1f)));
            String product = op(scope, "Mul", FLOAT, dims, x, shifted);
            return op(scope, "Mul", FLOAT, dims, product, constant(scope, scalar(0.5f)));
        }

        /** Adds a node named as torch names it ({@code scope/OpType}, then {@code _1}, {@code _2}, ...). */
        private String op(String scope, String opType, int elementType, long[] dims, String... inputs) {
            String base = scope + "/" + opType;
            int seen = namesUsed.merge(base, 1, Integer::sum) - 1;
            String name = seen == 0 ? base : base + "_" + seen;
            String output = name + "_output_0";
            NodeProto.Builder node = NodeProto.newBuilder().setName(name).setOpType(opType).addOutput(output);
            for (String input : inputs) {
                node.addInput(input);
            }
            graph.addNode(node);
            graph.addValueInfo(value(output, elementType, dims));
            return output;
        }

        private String constant(String scope, TensorProto value) {
            String output = op(scope, "Constant", value.getDataType(), toArray(value.getDimsList()));
            withAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                    .setT(value));
            return output;
        }

        /** Adds an attribute to the node added last. */
        private void withAttribute(AttributeProto.Builder attribute) {
            graph.getNodeBuilder(graph.getNodeCount() - 1).addAttribute(attribute);
        }

        private String weight(String name, long... dims) {
            long bytes = 4;
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
            for (long d : dims) {
                t.addDims(d);
                bytes *= d;
            }
            t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(entry("location", dataFileName))
                    .addExternalData(entry("offset", Long.toString(dataOffset)))
                    .addExternalData(entry("length", Long.toString(bytes)));
            dataOffset += bytes;
            graph.addInitializer(t);
            return name;
        }
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static ValueInfoProto value(String name, int elementType, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))).build();
    }

    private static TensorProto ints(long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(INT64).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    /** A 1×n int64 tensor, as torch's position and token-type ids are. */
    private static TensorProto row(long... values) {
        return ints(values).toBuilder().clearDims().addDims(1).addDims(values.length).build();
    }

    private static TensorProto scalar(long value) {
        return TensorProto.newBuilder().setDataType(INT64).addInt64Data(value).build();
    }

    private static TensorProto scalar(float value) {
        byte[] bytes = new byte[4];
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (bits >>> (8 * i));
        }
        return TensorProto.newBuilder().setDataType(FLOAT).setRawData(ByteString.copyFrom(bytes)).build();
    }

    private static long[] shape(long... dims) {
        return dims;
    }

    private static long[] toArray(List<Long> dims) {
        return new ArrayList<>(dims).stream().mapToLong(Long::longValue).toArray();
    }
}
