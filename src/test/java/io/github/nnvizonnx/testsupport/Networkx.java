package io.github.nnvizonnx.testsupport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Loads GraphML files with networkx's read_graphml (Debian python3-networkx), the consumer GraphML is written for. */
public final class Networkx {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import json, sys, networkx as nx",
            "for path in sys.argv[1:]:",
            "    try:",
            "        g = nx.read_graphml(path)",
            "        paths = sorted({d.get('module_path', '') for _, d in g.nodes(data=True)})",
            "        groups = sum(1 for _, d in g.nodes(data=True) if d.get('kind') == 'group')",
            "        print(json.dumps({'file': path, 'ok': True, 'nodes': g.number_of_nodes(),",
            "                          'edges': g.number_of_edges(), 'groups': groups, 'paths': paths}))",
            "    except Exception as e:",
            "        print(json.dumps({'file': path, 'ok': False, 'error': repr(e)}))");

    private Networkx() {
    }

    /** What networkx saw in one file; {@code groups} counts the nodes of kind {@code group} among the nodes. */
    public record Loaded(boolean ok, int nodes, int edges, int groups, List<String> modulePaths, String error) {
    }

    public static void require() {
        boolean available = false;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import networkx").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(HangGuard.AMOUNT, HangGuard.UNIT) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        ExternalTools.require("networkx for " + PYTHON + " (Debian package python3-networkx)", available);
    }

    /** Loads every file in one python process; keys are the file paths as given. */
    public static Map<String, Loaded> load(List<Path> files) throws IOException, InterruptedException {
        Path script = Files.createTempFile("nnviz-networkx", ".py");
        try {
            Files.writeString(script, SCRIPT);
            List<String> command = new java.util.ArrayList<>(List.of(PYTHON, script.toString()));
            files.forEach(f -> command.add(f.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("networkx run failed: " + output);
            }
            Map<String, Loaded> result = new HashMap<>();
            for (String line : output.split("\n")) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                List<String> paths = new java.util.ArrayList<>();
                if (o.has("paths")) {
                    o.getAsJsonArray("paths").forEach(e -> paths.add(e.getAsString()));
                }
                boolean ok = o.get("ok").getAsBoolean();
                result.put(o.get("file").getAsString(), new Loaded(ok, ok ? o.get("nodes").getAsInt() : 0,
                        ok ? o.get("edges").getAsInt() : 0, ok ? o.get("groups").getAsInt() : 0, paths,
                        ok ? null : o.get("error").getAsString()));
            }
            return result;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
