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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // Chromium: left out of the quick tier (-Pquick)
class GithubFitTest {
    @TempDir
    Path dir;

    @Test
    void candidatesGoFromTheRequestedDepthDown() {
        ViewOptions all = new ViewOptions(null, List.of(), null, false);
        assertEquals(Arrays.asList(null, 4, 3, 2, 1), depths(Views.fitCandidates(all, 4)));
        assertEquals(List.of(3, 2, 1), depths(Views.fitCandidates(all.withDepth(3), 6)));
        assertEquals(List.of(9, 4, 3, 2, 1), depths(Views.fitCandidates(all.withDepth(9), 4)),
                "depths beyond the tree add nothing");
        assertEquals(List.of(2), depths(Views.fitCandidates(all.withDepth(2), 0)),
                "a flat model has nothing to collapse");
        List<ViewOptions> auto = Views.fitCandidates(ViewOptions.defaults(), 3);
        assertTrue(auto.get(0).autoDepth(), "the budget's choice comes first");
        assertEquals(List.of(3, 2, 1), depths(auto.subList(1, auto.size())), "then every fixed depth");
    }

    private static List<Integer> depths(List<ViewOptions> views) {
        return views.stream().map(ViewOptions::depth).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void everythingOfMiniLmIsTooBigForGithubSoTheDepthIsLowered() throws Exception {
        ModelGraph model = OnnxReader.read(RealModels.miniLm());
        ViewOptions everything = new ViewOptions(null, List.of(), null, false, true).withFold(false);
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
        // the synthetic layers are identical: unfolded, so that the deeper candidates are too big
        ViewOptions view = new ViewOptions(null, List.of(), null, false, false).withFold(false);
        ModelGraph prepared = Views.prepare(model, view);
        List<ViewOptions> candidates = Views.fitCandidates(view, Views.maxDepth(model));
        for (ViewOptions candidate : candidates) {
            assertEquals(Views.collapse(prepared, candidate).nodes().size(),
                    Views.nodeCountAfterCollapse(prepared, candidate), "depth " + candidate.depthText());
        }
        int tooMany = GithubFit.MAX_CHARACTERS / MermaidEmitter.MIN_NODE_LINE;
        assertTrue(Views.nodeCountAfterCollapse(prepared, view) > tooMany, "the full graph cannot fit");

        List<Integer> collapsed = new ArrayList<>();
        GithubFit.Choice<ViewOptions> counted = GithubFit.choose(candidates, v -> {
            collapsed.add(v.depth());
            return Diagram.view(Views.collapse(prepared, v)).from(model, DrawOptions.defaults());
        }, v -> Views.nodeCountAfterCollapse(prepared, v), false);
        assertFalse(collapsed.contains(null), "the full graph was collapsed for nothing: " + collapsed);
        GithubFit.Choice<ViewOptions> tried = GithubFit.choose(candidates,
                v -> Diagram.view(Views.collapse(prepared, v)).from(model, DrawOptions.defaults()));
        assertEquals(tried.view(), counted.view(), "skipping changes nothing about the choice");
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
