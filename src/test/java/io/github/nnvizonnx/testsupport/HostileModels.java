package io.github.nnvizonnx.testsupport;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import java.util.List;

/** Generators of the small hostile models an attacker would hand out (issue 16), each a few lines to rebuild. */
public final class HostileModels {
    private HostileModels() {
    }

    /**
     * Local functions {@code f0 … f(levels-1)}, each calling the next {@code fanOut} times in a chain, the last one
     * a single Relu; the graph calls f0 once: {@code fanOut^(levels-1)} operations once expanded, in a few KB.
     */
    public static ModelProto.Builder functionBomb(int levels, int fanOut) {
        ModelProto.Builder m = model(GraphProto.newBuilder().addInput(tensor("x", 1)).addOutput(tensor("y", 1))
                .addNode(node("call", "f0", in("x"), "y").setDomain("bomb")))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("bomb").setVersion(1));
        for (int i = 0; i < levels; i++) {
            FunctionProto.Builder f = function("bomb", "f" + i, in("a"), "b");
            if (i == levels - 1) {
                f.addNode(node("leaf", "Relu", in("a"), "b"));
            } else {
                String previous = "a";
                for (int c = 0; c < fanOut; c++) {
                    String out = c == fanOut - 1 ? "b" : "t" + c;
                    f.addNode(node("c" + c, "f" + (i + 1), in(previous), out).setDomain("bomb"));
                    previous = out;
                }
            }
            m.addFunctions(f);
        }
        return m;
    }

    /**
     * A model whose one weight lies in external data at {@code location}, read as a 1-D int64 tensor of
     * {@code count} values, each of which becomes the length of a {@code Range}: the bytes would show in the shapes.
     */
    public static ModelProto.Builder externalBytesAsShapes(String location, int count) {
        TensorProto weight = TensorProto.newBuilder().setName("secret").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(count).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", "0"))
                .addExternalData(entry("length", Long.toString(8L * count))).build();
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", 1)).addInitializer(weight)
                .addInitializer(OnnxBuilder.int64s("zero", 0)).addInitializer(OnnxBuilder.int64s("one", 1));
        for (int i = 0; i < count; i++) {
            g.addInitializer(OnnxBuilder.int64s("i" + i, i));
            g.addNode(node("gather" + i, "Gather", in("secret", "i" + i), "n" + i));
            g.addNode(node("range" + i, "Range", in("zero", "n" + i, "one"), "r" + i));
            g.addOutput(io.github.nnvizonnx.proto.Onnx.ValueInfoProto.newBuilder().setName("r" + i));
        }
        return model(g);
    }

    private static io.github.nnvizonnx.proto.Onnx.StringStringEntryProto entry(String key, String value) {
        return io.github.nnvizonnx.proto.Onnx.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /**
     * A 1-element input whose size is multiplied at run time into the shape of a {@code ConstantOfShape}
     * ({@code Shape → Mul → Concat → ConstantOfShape}): declared shapes say nothing of its size, only a run does.
     */
    public static ModelProto.Builder runTimeSizedConstant(long factor) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", 1))
                .addInitializer(OnnxBuilder.int64s("factor", factor))
                .addNode(node("shape", "Shape", in("x"), "s"))
                .addNode(node("mul", "Mul", in("s", "factor"), "n"))
                .addNode(node("concat", "Concat", in("n", "n"), "dims").addAttribute(AttributeProto.newBuilder()
                        .setName("axis").setType(AttributeProto.AttributeType.INT).setI(0)))
                .addNode(node("fill", "ConstantOfShape", in("dims"), "y"))
                .addOutput(io.github.nnvizonnx.proto.Onnx.ValueInfoProto.newBuilder().setName("y"));
        return model(g);
    }

    /** The names a hostile file gives to its nodes and tensors: terminal escapes that retitle or clear a terminal. */
    public static List<String> terminalEscapes() {
        return List.of("\u001b]0;pwned\u0007", "\u001b[2J\u001b[H", "a\rb", "x\u009b31mred", "\u001bP+q\u001b\\",
                "bell\u0007bell", "nul\u0000nul");
    }

    /**
     * A JSON model whose modules nest {@code depth} deep, each the only child of the one before and holding one Relu
     * of a chain that runs from the root to the deepest module.
     */
    public static String deepModuleJson(int depth) {
        StringBuilder modules = new StringBuilder("{\"path\": [], \"name\": \"\", \"class\": null,"
                + " \"qualifiedClass\": null, \"kind\": \"module\", \"parameters\": 0}");
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append(i == 0 ? "" : ", ").append("\"m").append(i).append('"');
            modules.append(",\n{\"path\": [").append(path).append("], \"name\": \"m").append(i)
                    .append("\", \"class\": \"M\", \"qualifiedClass\": null, \"kind\": \"module\","
                            + " \"parameters\": 0}");
            nodes.append(i == 0 ? "" : ",\n").append("{\"id\": \"n").append(i)
                    .append("\", \"kind\": \"operation\", \"scope\": [").append(path)
                    .append("], \"name\": \"r").append(i).append("\", \"opType\": \"Relu\", \"domain\": \"\","
                            + " \"parameters\": 0, \"attributes\": []}");
            if (i > 0) {
                edges.append(i == 1 ? "" : ",\n").append("{\"from\": \"n").append(i - 1).append("\", \"to\": \"n")
                        .append(i).append("\", \"tensor\": {\"name\": \"t").append(i)
                        .append("\", \"dtype\": \"float32\", \"shape\": [1]}}");
            }
        }
        return "{\"format\": \"nnviz-onnx-model\", \"version\": 1, \"info\": {\"source\": \"deep\", \"irVersion\": 8,"
                + " \"producerName\": null, \"producerVersion\": null, \"graphName\": \"g\", \"hierarchy\": \"torch\","
                + " \"opsets\": {}, \"metadata\": {}},\n\"modules\": [" + modules + "],\n\"parameters\": [],\n"
                + "\"nodes\": [" + nodes + "],\n\"edges\": [" + edges + "]}\n";
    }
}
