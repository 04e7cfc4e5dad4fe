package io.github.nnvizonnx.emit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.api.Drawing;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.testsupport.HostileNames;
import io.github.nnvizonnx.testsupport.HtmlExplorer;
import io.github.nnvizonnx.testsupport.RealModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page is one file that fetches nothing and carries the whole model, as the view it opens at. */
class HtmlEmitterTest {
    @TempDir
    Path dir;

    @Test
    void miniLmPageIsSelfContainedAndCarriesEveryNodeAndEdge() throws IOException {
        Drawing drawing = Nnviz.read(RealModels.miniLm()).format("html").draw();
        String page = drawing.text();
        assertFalse(Pattern.compile("<script[^>]*\\bsrc=|<link\\b|<iframe|<img\\b", Pattern.CASE_INSENSITIVE)
                .matcher(page).find(), "nothing is loaded from elsewhere");
        assertEquals(3, page.split("<script", -1).length - 1, "the model, dagre and the page's own script");
        assertTrue(page.contains("dagre"), "the layout library is inlined");

        JsonObject model = HtmlExplorer.embeddedModel(page);
        ModelGraph explorable = drawing.diagram().explorable();
        assertEquals(explorable.nodes().size(), model.getAsJsonObject("nodes").getAsJsonArray("kind").size());
        assertEquals(explorable.graph().edgeSet().size() * 3, model.getAsJsonArray("edges").size());
        assertEquals(explorable.modules().size(), model.getAsJsonObject("modules").getAsJsonArray("parent").size());
        // the view it opens at: the modules the other formats draw closed, the run they fold
        Set<String> closed = new HashSet<>();
        for (ModuleNode m : drawing.diagram().model().nodes(ModuleNode.class)) {
            closed.add(m.module().path().dotted());
        }
        assertEquals(closed, paths(model, model.getAsJsonObject("view").getAsJsonArray("collapsed")));
        List<Module> folded = drawing.diagram().model().modules().all().stream().filter(m -> m.fold() != null)
                .toList();
        JsonArray folds = model.getAsJsonObject("view").getAsJsonArray("folds");
        assertEquals(folded.size(), folds.size());
        assertEquals(folded.get(0).fold().count(), folds.get(0).getAsJsonObject().getAsJsonArray("members").size());
        // every shape known travels with the page, written as the other formats write it
        Set<String> strings = strings(model);
        explorable.graph().edgeSet().stream().filter(e -> e.tensor().shape() != null)
                .forEach(e -> assertTrue(strings.contains(e.tensor().shape().compact()), e.tensor().name()));
    }

    @Test
    void pageOfALayerStartsAtThatLayer() throws IOException {
        Drawing drawing = Nnviz.read(RealModels.miniLm()).view(View.defaults().layer("encoder.layer.0"))
                .format("html").draw();
        JsonObject model = HtmlExplorer.embeddedModel(drawing.text());
        int operations = 0;
        JsonArray kinds = model.getAsJsonObject("nodes").getAsJsonArray("kind");
        for (JsonElement k : kinds) {
            operations += k.getAsInt() == 0 ? 1 : 0;
        }
        assertEquals(drawing.diagram().explorable().nodes(OperationNode.class).size(), operations);
        assertTrue(operations < drawing.model().nodes(OperationNode.class).size() / 4,
                "one layer of six, not the model: " + operations);
    }

    @Test
    void hostileNamesTravelAsDataNotMarkup() throws IOException {
        String page = Nnviz.read(HostileNames.model(dir)).format("html").text();
        for (String name : HostileNames.NAMES) {
            if (name.contains("<")) {
                assertFalse(page.contains(name), "written raw into the page: " + name);
            }
        }
        Set<String> strings = strings(HtmlExplorer.embeddedModel(page));
        JsonArray moduleNames = HtmlExplorer.embeddedModel(page).getAsJsonObject("modules").getAsJsonArray("name");
        Set<String> names = new HashSet<>(strings);
        moduleNames.forEach(e -> names.add(e.isJsonPrimitive() ? e.getAsString() : ""));
        assertTrue(names.contains("<script>alert(1)<_script>"), "kept whole, as data"); // the model writes / as _
        assertTrue(names.contains("<img src=x onerror=alert(1)>"), "kept whole, as data");
    }

    private static Set<String> strings(JsonObject model) {
        Set<String> result = new HashSet<>();
        model.getAsJsonArray("strings").forEach(e -> result.add(e.getAsString()));
        return result;
    }

    /** The dotted paths of the module numbers in {@code numbers}, from the page's parent and name columns. */
    private static Set<String> paths(JsonObject model, JsonArray numbers) {
        JsonArray parent = model.getAsJsonObject("modules").getAsJsonArray("parent");
        JsonArray name = model.getAsJsonObject("modules").getAsJsonArray("name");
        Set<String> result = new HashSet<>();
        for (JsonElement n : numbers) {
            StringBuilder path = new StringBuilder();
            for (int m = n.getAsInt(); m > 0; m = parent.get(m).getAsInt()) {
                path.insert(0, path.length() == 0 ? name.get(m).getAsString() : name.get(m).getAsString() + ".");
            }
            result.add(path.toString());
        }
        return result;
    }
}
