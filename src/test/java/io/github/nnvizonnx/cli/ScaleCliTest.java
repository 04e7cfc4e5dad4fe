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

        CommandRun run = CommandRun.of(model.toString());
        assertEquals(0, run.code(), run.err());
        List<String> warnings = run.errLines().stream().filter(l -> l.contains("warning")).toList();
        assertEquals(1, warnings.size(), run.err());
        assertTrue(warnings.get(0).startsWith("nnviz-onnx: warning: escaping.onnx: the external data of tensor 'w'"
                + " is at '/etc/passwd', which would be refused"), warnings.get(0));

        CommandRun quiet = CommandRun.of(model.toString(), "-q");
        assertEquals(0, quiet.code());
        assertEquals("", quiet.err());
    }
}
