package io.github.nnvizonnx.cli;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.HostileModels;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names carrying terminal escape sequences reach stderr through every kind of line: a reader's warning, a usage
 * error quoting a module, a JSON file's source in the summary and its errors, a run-time failure of onnxruntime
 * quoting a node. None reaches the terminal raw, and no line is longer than a few hundred characters.
 */
class HostileStderrTest {
    @TempDir
    Path dir;

    static Stream<String> names() {
        List<String> names = new ArrayList<>(HostileModels.terminalEscapes());
        names.add("\u001b]0;" + "long".repeat(50_000) + "\u0007");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void aReaderWarningQuotingExternalData(String name) {
        TensorProto external = TensorProto.newBuilder().setName("w" + name).setDataType(1).addDims(1)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(StringStringEntryProto
                        .newBuilder().setKey("location").setValue("/" + name)).build();
        Path file = OnnxBuilder.write(dir, "m.onnx", model(GraphProto.newBuilder().addInput(tensor("x", 1))
                .addOutput(tensor("y", 1)).addInitializer(external)
                .addNode(node(name, "Add", in("x", "w" + name), "y"))));
        assertClean(CommandRun.of(file.toString(), "--shapes", "declared"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void aUsageErrorQuotingTheName(String name) {
        Path file = OnnxBuilder.write(dir, "m.onnx", model(GraphProto.newBuilder().addInput(tensor("x", 1))
                .addOutput(tensor("y", 1)).addNode(node("/a/Relu", "Relu", in("x"), "y"))));
        assertClean(CommandRun.of(file.toString(), "--shapes", "declared", "--layer", name));
        assertClean(CommandRun.of(file.toString(), "--format", name));
    }

    @ParameterizedTest
    @MethodSource("names")
    void aJsonSourceAndAJsonError(String name) throws Exception {
        String json = HostileModels.deepModuleJson(2).replace("\"source\": \"deep\"",
                "\"source\": " + com.google.gson.JsonParser.parseString("\"\"").toString().replace("\"\"",
                        new com.google.gson.Gson().toJson(name)));
        Path good = Files.writeString(dir.resolve("m.json"), json);
        assertClean(CommandRun.of(good.toString()));
        Path bad = Files.writeString(dir.resolve("bad.json"), json.replace("\"Relu\"",
                new com.google.gson.Gson().toJson(name)).replace("\"operation\"", new com.google.gson.Gson()
                .toJson(name)));
        assertClean(CommandRun.of(bad.toString()));
    }

    @ParameterizedTest
    @MethodSource("names")
    void anOnnxruntimeFailureQuotingTheNode(String name) {
        Path file = OnnxBuilder.write(dir, "m.onnx", model(GraphProto.newBuilder().addInput(tensor("x", 1))
                .addOutput(tensor("y", 1)).addNode(node(name, "NoSuchOp" , in("x"), "y"))));
        assertClean(CommandRun.of(file.toString()));
    }

    private static void assertClean(CommandRun run) {
        for (String line : run.errLines()) {
            assertTrue(line.length() <= StderrLines.MAX_LINE, line.length() + " characters: " + line.substring(0,
                    Math.min(200, line.length())));
            assertTrue(line.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT), "raw control characters: " + line);
            assertFalse(line.contains("setStrictness") || line.contains("JSON Primitive")
                    || line.contains("\tat "), line);
        }
        assertFalse(run.err().isEmpty(), "something was said");
    }
}
