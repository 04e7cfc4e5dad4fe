package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubFitTest {
    @Test
    void candidatesGoFromTheRequestedDepthDown() {
        assertEquals(Arrays.asList(null, 4, 3, 2, 1), GithubFit.candidates(null, 4));
        assertEquals(List.of(3, 2, 1), GithubFit.candidates(3, 6));
        assertEquals(List.of(9, 4, 3, 2, 1), GithubFit.candidates(9, 4), "depths beyond the tree add nothing");
        assertEquals(List.of(2), GithubFit.candidates(2, 0), "a flat model has nothing to collapse");
    }

    @Test
    void everythingOfMiniLmIsTooBigForGithubSoTheDepthIsLowered() throws Exception {
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        ViewOptions everything = new ViewOptions(null, List.of(), null, false, true);
        StringBuilder full = new StringBuilder();
        new MermaidEmitter().write(new Diagram(model, Views.apply(model, everything), DrawOptions.defaults()), full);
        int fullEdges = Views.apply(model, everything).graph().edgeSet().size();
        assertTrue(fullEdges > GithubFit.MAX_EDGES || full.length() > GithubFit.MAX_CHARACTERS,
                "the whole graph is over the limits: " + fullEdges + " edges");

        MermaidRenderer.Result tooBig = MermaidRenderer.renderOne(full.toString());
        assertTrue(!tooBig.ok(), "mermaid refuses it, as GitHub would");

        String fitted = Drawing.mermaidForGithub(model, everything);
        assertTrue(fitted.length() <= GithubFit.MAX_CHARACTERS);
        MermaidRenderer.Result rendered = MermaidRenderer.renderOne(fitted);
        assertTrue(rendered.ok(), rendered.error());
        assertTrue(rendered.clusters() >= 3, "still a hierarchy, not a single box");
    }
}
