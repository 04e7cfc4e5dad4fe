package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.json.ModelJsonReader;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.Drawing;
import io.github.nnvizonnx.testsupport.ExternalTools;
import io.github.nnvizonnx.transform.ViewOptions;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Every format shows a fold: the NNViz introduction's two identical LinearBlocks, drawn once as
 * {@code block1–2 (LinearBlock) ×2}, opened by default and one node at depth 1.
 */
class FoldFormatsTest {
    private final ModelGraph intro = OnnxReader.read(ExternalTools.projectDir().resolve("testdata/nnviz_intro.onnx"));

    @Test
    void mermaidAndDotTitleTheFoldWithItsRangeAndCount() {
        assertTrue(Drawing.mermaid(intro, ViewOptions.defaults()).contains("[\"block1–2 (LinearBlock) ×2\"]"));
        String collapsed = Drawing.mermaid(intro, ViewOptions.defaults().withDepth(1));
        assertTrue(collapsed.contains("<b>block1–2</b><br/>LinearBlock ×2"), collapsed);
        String dot = Drawing.draw("dot", intro, ViewOptions.defaults());
        assertTrue(dot.contains("block1&#8211;2 (LinearBlock) &#215;2"), dot);
        assertTrue(!Drawing.mermaid(intro, ViewOptions.defaults().withFold(false)).contains("×2"), "--no-fold");
    }

    @Test
    void graphmlMarksEveryNodeDrawnInTheFold() {
        String graphml = Drawing.draw("graphml", intro, ViewOptions.defaults());
        // the Gemm, Relu and Add of the first block carry the fold; the head's Gemm does not
        String foldKey = key(graphml, "fold");
        String countKey = key(graphml, "fold_count");
        assertEquals(3, count(graphml, "<data key=\"" + foldKey + "\">block1–2 ×2</data>"), graphml);
        assertEquals(3, count(graphml, "<data key=\"" + countKey + "\">2</data>"), graphml);
    }

    @Test
    void jsonRecordsTheFoldsAndARedrawFoldsTheSameRuns() throws Exception {
        String json = Drawing.draw("json", intro, ViewOptions.defaults());
        JsonObject view = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("view");
        JsonArray folds = view.getAsJsonArray("folds");
        assertEquals(1, folds.size());
        JsonObject fold = folds.get(0).getAsJsonObject();
        assertEquals(2, fold.get("count").getAsInt());
        assertEquals("[[\"block1\"],[\"block2\"]]", fold.get("members").toString());

        ModelGraph back = ModelJsonReader.read(new StringReader(json));
        assertTrue(back.modules().get(ModulePath.of("block2", "relu")).isPresent(),
                "the JSON keeps every module: nothing is folded away in the file itself");
        assertEquals(Drawing.mermaid(intro, ViewOptions.defaults()), Drawing.mermaid(back, ViewOptions.defaults()),
                "a redraw from JSON draws the same fold");
    }

    /** The id GraphML gives the node attribute {@code name}. */
    private static String key(String graphml, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<key id=\"([^\"]+)\" for=\"node\" attr.name=\""
                + name + "\"").matcher(graphml);
        assertTrue(m.find(), "no key " + name);
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
