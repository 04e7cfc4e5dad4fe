package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.api.Drawing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExploreDiffTest {
    @Test
    void explore() throws Exception {
        String a = System.getProperty("old"), b = System.getProperty("new");
        String fmt = System.getProperty("fmt", "mermaid");
        String depth = System.getProperty("depth", "");
        Nnviz n = Nnviz.diff(Path.of(a), Path.of(b)).format(fmt);
        View v = View.defaults(); if (!depth.isEmpty()) v = v.depth(Integer.parseInt(depth)); if (System.getProperty("layer") != null) v = v.layer(System.getProperty("layer")); if (System.getProperty("all") != null) v = v.allLevels(); n.view(v);
        Drawing d = n.draw();
        System.out.println("SUMMARY " + d.diffSummary().line());
        d.writeTo(Path.of(System.getProperty("out")));
    }
}
