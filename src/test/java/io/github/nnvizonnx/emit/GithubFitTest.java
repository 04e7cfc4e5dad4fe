package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.bench.SyntheticModel;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.MermaidRenderer;
import io.github.nnvizonnx.testsupport.RealModels;
import io.github.nnvizonnx.transform.ViewOptions;
import io.github.nnvizonnx.transform.Views;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubFitTest {
    @TempDir
    Path dir;

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
        new MermaidEmitter().write(Diagram.view(Views.apply(model, everything)).from(model, DrawOptions.defaults()), full);
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

    @Test
    void nodeCountsAreExactAndDepthsWithTooManyNodesAreNeverCollapsed() throws Exception {
        Path file = dir.resolve("bert.onnx");
        SyntheticModel.write(file, SyntheticModel.layersFor(12_000));
        ModelGraph model = OnnxReader.read(file);
        ViewOptions view = new ViewOptions(null, List.of(), null, false, false);
        ModelGraph prepared = Views.prepare(model, view);
        List<Integer> candidates = GithubFit.candidates(null, Views.maxDepth(model));
        for (Integer depth : candidates) {
            assertEquals(Views.collapse(prepared, view.withDepth(depth)).nodes().size(),
                    Views.nodeCountAfterCollapse(prepared, view.withDepth(depth)), "depth " + depth);
        }
        int tooMany = GithubFit.MAX_CHARACTERS / MermaidEmitter.MIN_NODE_LINE;
        assertTrue(Views.nodeCountAfterCollapse(prepared, view) > tooMany, "the full graph cannot fit");

        List<Integer> collapsed = new ArrayList<>();
        GithubFit.Choice counted = GithubFit.choose(candidates, d -> {
            collapsed.add(d);
            return Diagram.view(Views.collapse(prepared, view.withDepth(d))).from(model, DrawOptions.defaults());
        }, d -> Views.nodeCountAfterCollapse(prepared, view.withDepth(d)), false);
        assertFalse(collapsed.contains(null), "the full graph was collapsed for nothing: " + collapsed);
        GithubFit.Choice tried = GithubFit.choose(candidates,
                d -> Diagram.view(Views.collapse(prepared, view.withDepth(d))).from(model, DrawOptions.defaults()));
        assertEquals(tried.depth(), counted.depth(), "skipping changes nothing about the choice");
        assertEquals(tried.characters(), counted.characters());
    }

    @Test
    void everyMermaidNodeLineIsAtLeastTheCountedMinimum() throws Exception {
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        ViewOptions view = new ViewOptions(2, List.of(), null, false, false);
        StringBuilder text = new StringBuilder();
        Diagram diagram = Diagram.view(Views.apply(model, view)).from(model, DrawOptions.defaults());
        new MermaidEmitter().write(diagram, text);
        List<String> nodeLines = text.toString().lines()
                .filter(line -> line.matches("\\s*n\\d+[\\[({].*")).toList();
        assertEquals(diagram.model().nodes().size(), nodeLines.size(), "one line per node");
        for (String line : nodeLines) {
            assertTrue(line.length() + 1 >= MermaidEmitter.MIN_NODE_LINE, line);
        }
    }
}
