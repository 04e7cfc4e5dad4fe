package io.github.nnvizonnx.testsupport;

import com.google.protobuf.CodedOutputStream;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Names that try to break or inject into diagram syntax and markup, and a model that uses them everywhere. */
public final class HostileNames {
    public static final List<String> NAMES = List.of(
            "quote\"d", "back\\slash\\n", "new\nline", "arrow-->x", "%%comment", "close]bracket", "brace}{",
            "<script>alert(1)</script>", "click n1 call alert()", "rtl\u202Eevil", "emoji\uD83D\uDE00", "#quot;",
            "end", "`tick`", "&amp;", "pipe|bar", "semi;colon", "<img src=x onerror=alert(1)>",
            // Control characters, invisible formatting, separators and a lone surrogate (which protobuf writes as '?').
            "nul\u0000byte", "bell\u0007tab\tcr\r", "esc\u001b[31mred", "del\u007fc1\u0085\u009b",
            "line\u2028para\u2029", "zero\u200bwidth\u200djoin\ufeff", "lone\ud800surrogate",
            // Directives and markup of each output format.
            "%%{init: {'securityLevel': 'loose'}}%%", "style n0 fill:#f00", "a href=javascript:alert(1)",
            "\"]; n9 -> n9 [label=<x>]; \"", "\\G\\N\\L", "]]><!ENTITY x SYSTEM 'file:///etc/passwd'>&x;",
            "fence```end", "emoji\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family",
            // A very long name (labels are clipped, names kept whole in JSON and GraphML).
            "long" + "g".repeat(5000));

    /**
     * Protobuf logs a warning with a stack trace each time it writes a lone surrogate as '?'; that replacement is
     * what the lone-surrogate name is here to show, so the warning is only noise. Held here: an unreferenced
     * logger's level can be lost to garbage collection.
     */
    private static final Logger PROTOBUF_WRITER_LOG = Logger.getLogger(CodedOutputStream.class.getName());

    private HostileNames() {
    }

    /**
     * A chain of Relu nodes: each hostile name is used as a module scope (torch style), an op type and a tensor
     * name; the graph input and output are hostile too.
     */
    public static Path model(Path dir) {
        PROTOBUF_WRITER_LOG.setLevel(Level.SEVERE);
        GraphProto.Builder g = GraphProto.newBuilder().setName("hostile \"graph\" <b>")
                .addInput(OnnxBuilder.tensor(NAMES.get(0), 1, 2)).addOutput(OnnxBuilder.tensor(NAMES.get(7), 1, 2));
        String previous = NAMES.get(0);
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i).replace("/", "_");
            String out = i == NAMES.size() - 1 ? NAMES.get(7) : name + "_out" + i;
            g.addNode(OnnxBuilder.node("/" + name + "/inner/" + name, i % 2 == 0 ? name : "Relu",
                    OnnxBuilder.in(previous), out));
            g.addNode(OnnxBuilder.node("/" + name + "/Identity", "Identity", OnnxBuilder.in(out), out + "_id"));
            previous = out + "_id";
            if (i == NAMES.size() - 1) {
                g.getNodeBuilder(g.getNodeCount() - 2).setOutput(0, name + "_last");
                g.getNodeBuilder(g.getNodeCount() - 1).setInput(0, name + "_last").setOutput(0, NAMES.get(7));
            }
        }
        return OnnxBuilder.write(dir, "hostile.onnx", OnnxBuilder.model(g));
    }
}
