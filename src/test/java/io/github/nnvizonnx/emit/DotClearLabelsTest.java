package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nnvizonnx.api.Nnviz;
import io.github.nnvizonnx.api.View;
import io.github.nnvizonnx.emit.style.Theme;
import io.github.nnvizonnx.shapes.ShapeMode;
import io.github.nnvizonnx.testsupport.Graphviz;
import io.github.nnvizonnx.testsupport.TorchExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Laid out by Graphviz, a real export's drawing keeps its words clear: no edge passes through a box's title, and the
 * legend fits under the drawing instead of widening it.
 */
class DotClearLabelsTest {
    /** Points of slack for the legend's width: its cell spacing against the drawing's margin. */
    private static final double LEGEND_SLACK = 12;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"PAPER", "DEFAULT"})
    void noEdgeCrossesABoxTitleAndTheLegendDoesNotWidenTheDrawing(Theme theme) throws Exception {
        Path model = TorchExports.resnet18();
        JsonObject plain = layout(model, theme, false);
        JsonObject legend = layout(model, theme, true);
        List<double[]> titles = new ArrayList<>();
        for (JsonElement o : plain.getAsJsonArray("objects")) {
            JsonObject object = o.getAsJsonObject();
            if (object.get("name").getAsString().matches("t\\d+")) {
                titles.add(box(object));
            }
        }
        assertTrue(titles.size() >= 3, "resnet18's stages are drawn as boxes: " + titles.size());
        for (JsonElement e : plain.getAsJsonArray("edges")) {
            JsonObject edge = e.getAsJsonObject();
            if (edge.has("style") && edge.get("style").getAsString().equals("invis")) {
                continue;
            }
            for (double[] point : splinePoints(edge)) {
                for (double[] title : titles) {
                    boolean inside = point[0] > title[0] && point[0] < title[2] && point[1] > title[1]
                            && point[1] < title[3];
                    assertTrue(!inside, theme + ": an edge passes through a box title at " + point[0] + "," + point[1]);
                }
            }
        }
        double without = width(plain);
        double with = width(legend);
        assertTrue(with <= without + LEGEND_SLACK, theme + ": legend widens the drawing from " + without + " to " + with);
        assertTrue(height(plain) < height(legend), "the legend sits below the drawing");
    }

    private JsonObject layout(Path model, Theme theme, boolean legend) throws Exception {
        String dot = Nnviz.read(model).shapes(ShapeMode.DECLARED).view(View.defaults())
                .style(new DrawOptions(Direction.TB, theme.style(), legend)).format("dot").text();
        Path json = dir.resolve(theme + "-" + legend + ".json");
        Graphviz.Outcome outcome = Graphviz.run(Files.writeString(dir.resolve(theme + "-" + legend + ".dot"), dot),
                "json", json);
        assertTrue(outcome.ok(), outcome.messages());
        return JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    }

    /** A node's box, x0 y0 x1 y1 in points, from its centre and its size in inches. */
    private static double[] box(JsonObject node) {
        String[] centre = node.get("pos").getAsString().split(",");
        double x = Double.parseDouble(centre[0]);
        double y = Double.parseDouble(centre[1]);
        double halfWidth = node.get("width").getAsDouble() * 36;
        double halfHeight = node.get("height").getAsDouble() * 36;
        return new double[] {x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight};
    }

    /** Points along an edge's curve: its cubic Bézier pieces sampled, not only their control points. */
    private static List<double[]> splinePoints(JsonObject edge) {
        List<double[]> controls = new ArrayList<>();
        for (String token : edge.get("pos").getAsString().split(" ")) {
            if (token.startsWith("e,") || token.startsWith("s,")) {
                continue; // an arrowhead's tip, drawn at a node
            }
            String[] xy = token.split(",");
            controls.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i + 3 < controls.size(); i += 3) {
            for (int step = 0; step <= 20; step++) {
                double t = step / 20.0;
                double[] point = new double[2];
                for (int axis = 0; axis < 2; axis++) {
                    point[axis] = Math.pow(1 - t, 3) * controls.get(i)[axis]
                            + 3 * Math.pow(1 - t, 2) * t * controls.get(i + 1)[axis]
                            + 3 * (1 - t) * t * t * controls.get(i + 2)[axis] + t * t * t * controls.get(i + 3)[axis];
                }
                points.add(point);
            }
        }
        return points;
    }

    private static double width(JsonObject layout) {
        return boundingBox(layout)[2];
    }

    private static double height(JsonObject layout) {
        return boundingBox(layout)[3];
    }

    private static double[] boundingBox(JsonObject layout) {
        String[] parts = layout.get("bb").getAsString().split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3])};
    }
}
