package io.github.nnvizonnx;
import io.github.nnvizonnx.testsupport.*;
import io.github.nnvizonnx.read.*;
import io.github.nnvizonnx.transform.*;
import java.nio.file.*;
import org.junit.jupiter.api.Test;
class ScratchTmpTest {
    @Test
    void t() throws Exception {
        Path d = Files.createDirectories(Path.of("/tmp/hn"));
        var m = OnnxReader.read(HostileNames.model(d));
        Files.writeString(d.resolve("hostile.mmd"), Drawing.mermaid(m, ViewOptions.everything()));
        Files.writeString(d.resolve("hostile.dot"), Drawing.draw("dot", m, ViewOptions.everything()));
        MermaidRenderer.renderAll(d, true);
        Graphviz.run(d.resolve("hostile.dot"), "svg", d.resolve("hostile-dot.svg"));
    }
}
