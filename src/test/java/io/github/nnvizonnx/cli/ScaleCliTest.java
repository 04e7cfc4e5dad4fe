package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says about external data outside the model's folder. */
class ScaleCliTest {
    @TempDir
    Path dir;

    @Test
    void escapingExternalDataIsOneWarningLineNotAnError() {
        TensorProto weight = TensorProto.newBuilder().setName("w").setDataType(1).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("/etc/passwd"))
                .build();
        GraphProto.Builder graph = GraphProto.newBuilder().setName("g").addInput(OnnxBuilder.tensor("x", 4))
                .addOutput(OnnxBuilder.tensor("y", 4))
                .addNode(OnnxBuilder.node("/Add", "Add", OnnxBuilder.in("x", "w"), "y")).addInitializer(weight);
        Path model = OnnxBuilder.write(dir, "escaping.onnx", OnnxBuilder.model(graph));

        // Drawing alone never opens the file, but says the model points somewhere it should not.
        CommandRun declared = CommandRun.of(model.toString(), "--shapes", "declared");
        assertEquals(0, declared.code(), declared.err());
        assertEquals(List.of("nnviz-onnx: warning: escaping.onnx: the external data of tensor 'w' is at"
                + " '/etc/passwd', which would be refused when weights are read: it is an absolute path; drawing does"
                + " not read weights"), warnings(declared));

        // The onnxruntime run would open it: refused, in one line, and the diagram is still drawn.
        CommandRun run = CommandRun.of(model.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("nnviz-onnx: warning: refusing to read external data from '/etc/passwd': it is an"
                + " absolute path; edges show the declared shapes"), warnings(run));
        assertEquals(warnings(run), run.errLines(), "with -q, only the warning");
    }

    private static List<String> warnings(CommandRun run) {
        return run.errLines().stream().filter(l -> l.contains("warning")).toList();
    }
}
