package io.github.nnvizonnx.testsupport;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import io.github.nnvizonnx.read.ModuleClassMap;
import io.github.nnvizonnx.read.OnnxReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real TorchScript-based torch export rewritten as torch's dynamo-based exporter (torch 2.5+) writes its files, for
 * tests on a machine whose torch (1.13) has no dynamo exporter: nodes renamed {@code node_Conv_0}, … in file order,
 * the hierarchy moved into each node's {@code pkg.torch.onnx.name_scopes} and {@code pkg.torch.onnx.class_hierarchy}
 * (qualified module names and classes from the root, then the FX node itself), a module called twice named once (as
 * the FX graph names the module object, {@code layer1.0.relu}, not TorchScript's {@code relu_1}), the graph input
 * renamed after the forward argument ({@code x}), and the converter's own class metadata dropped. The operations and
 * weights are the export's own; only names and metadata change, which is what differs between the two exporters'
 * conventions.
 */
public final class DynamoRewrite {
    private DynamoRewrite() {
    }

    /** Writes the rewrite of {@code torchExport} to {@code out} and returns {@code out}. */
    public static Path rewrite(Path torchExport, Path out) {
        try {
            ModelGraph read = OnnxReader.read(torchExport);
            Map<String, OperationNode> byName = new HashMap<>();
            for (OperationNode op : read.nodes(OperationNode.class)) {
                byName.put(op.name(), op);
            }
            ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(torchExport)).toBuilder();
            model.setIrVersion(Math.max(model.getIrVersion(), 10));
            List<StringStringEntryProto> metadata = new ArrayList<>(model.getMetadataPropsList());
            metadata.removeIf(e -> e.getKey().equals(ModuleClassMap.METADATA_KEY));
            model.clearMetadataProps().addAllMetadataProps(metadata);
            GraphProto.Builder graph = model.getGraphBuilder();
            Map<String, String> renamedInputs = new HashMap<>();
            for (int i = 0; i < graph.getInputCount(); i++) {
                ValueInfoProto input = graph.getInput(i);
                String name = graph.getInputCount() == 1 ? "x" : "x_" + i;
                renamedInputs.put(input.getName(), name);
                graph.setInput(i, input.toBuilder().setName(name));
            }
            for (int i = 0; i < graph.getNodeCount(); i++) {
                NodeProto.Builder node = graph.getNodeBuilder(i);
                OperationNode op = byName.get(node.getName());
                for (int k = 0; k < node.getInputCount(); k++) {
                    node.setInput(k, renamedInputs.getOrDefault(node.getInput(k), node.getInput(k)));
                }
                String fxName = node.getOpType().toLowerCase(Locale.ROOT) + "_" + i;
                node.setName("node_" + node.getOpType() + "_" + i);
                List<String> scopes = new ArrayList<>(List.of(""));
                List<String> classes = new ArrayList<>(List.of(className(read.modules().root())));
                ModulePath path = op == null ? ModulePath.ROOT : op.scope();
                for (int depth = 1; depth <= path.length(); depth++) {
                    List<String> names = new ArrayList<>();
                    for (String segment : path.prefix(depth).segments()) {
                        names.add(segment.replaceAll(ModulePath.CALL + "\\d+$", ""));
                    }
                    scopes.add(String.join(".", names));
                    classes.add(read.modules().get(path.prefix(depth)).map(DynamoRewrite::className)
                            .orElse("torch.nn.Module"));
                }
                scopes.add(fxName);
                classes.add("aten." + fxName.replaceAll("_\\d+$", "") + ".default");
                node.addMetadataProps(entry("pkg.torch.onnx.name_scopes", pythonList(scopes)));
                node.addMetadataProps(entry("pkg.torch.onnx.class_hierarchy", pythonList(classes)));
            }
            Files.write(out, model.build().toByteArray());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Module m) {
        return m.qualifiedClassName() != null ? m.qualifiedClassName()
                : m.className() != null ? m.className() : "torch.nn.Module";
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String pythonList(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String item : items) {
            quoted.add("'" + item.replace("\\", "\\\\").replace("'", "\\'") + "'");
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
