package io.github.nnvizonnx.emit;

import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleKind;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.Node;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.QuantizedOperations;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The words shown for nodes, boxes and edges, the same in every format. Plain text: each emitter escapes it its own
 * way. Public for the emitters in other packages (and plug-ins), which must show the same words.
 */
public final class Labels {
    private static final int MAX_LINE = 60;
    /** Up to this many op types, a collapsed module of unknown class lists them instead of counting operations. */
    private static final int FEW_OP_TYPES = 3;

    private Labels() {
    }

    /** The first, emphasised line of a node; never empty (an empty label breaks some formats). */
    public static String title(Node node) {
        String title = rawTitle(node);
        return title.isBlank() ? "(unnamed)" : title;
    }

    private static String rawTitle(Node node) {
        if (node instanceof OperationNode op) {
            return clip(op.opType());
        }
        if (node instanceof InputNode in) {
            return clip(in.displayName());
        }
        if (node instanceof OutputNode out) {
            return clip(out.displayName());
        }
        Module module = ((ModuleNode) node).module();
        if (module.kind() == ModuleKind.CONTROL_FLOW) {
            return clip(module.className());
        }
        // a fold's count goes with its class on the next line; without a class, here
        return module.fold() != null && module.className() == null
                ? clip(module.title()) + " " + module.fold().countText() : clip(module.title());
    }

    /**
     * Further lines: the module an operation stands for alone, a collapsed module's class (or its few op types, or
     * its op count), the shape of an input or output; with the {@code params} style, the parameter count and its
     * share of the model's total, as NNViz shows it.
     */
    public static List<String> details(Diagram diagram, Node node) {
        DrawOptions options = diagram.options();
        List<String> lines = new ArrayList<>();
        boolean names = diagram.options().style().names();
        long parameters = 0;
        if (node instanceof OperationNode op) {
            if (!op.domain().isEmpty() && !op.domain().equals("ai.onnx")) {
                lines.add(op.domain());
            }
            Module own = diagram.ownModule(node);
            if (own != null && names) {
                lines.add(withClass(own.title(), own.className()));
            }
            parameters = op.parameterCount();
        } else if (node instanceof InputNode in) {
            addTensor(lines, in.tensor(), options);
        } else if (node instanceof OutputNode out) {
            addTensor(lines, out.tensor(), options);
        } else if (node instanceof ModuleNode m) {
            Module module = m.module();
            if (module.kind() == ModuleKind.CONTROL_FLOW) {
                if (!module.displayName().equals(module.className())) {
                    lines.add(module.displayName());
                }
            } else if (module.className() != null && names) {
                if (module.fold() != null) {
                    lines.add(module.className() + " " + module.fold().countText());
                } else if (!namesClass(module.title(), module.className())) {
                    lines.add(module.className());
                }
            } else if (m.opTypes().size() == 1) {
                lines.add(m.opTypes().get(0));
            } else if (m.opTypes().size() <= FEW_OP_TYPES) {
                lines.add(String.join(" + ", m.opTypes())); // MatMul + Add says "a linear layer" at a glance
            } else if (m.operationCount() > 1) {
                lines.add(m.operationCount() + " ops");
            }
            markIntegerComputation(lines, m);
            parameters = m.parameterCount();
        }
        if (diagram.options().style().params() && parameters > 0) {
            lines.add(parameterLine(parameters, diagram.source().totalParameters()));
        }
        Change change = diagram.change(node);
        if (change != null) {
            lines.add(change.label());
        }
        lines.replaceAll(Labels::clip);
        return lines;
    }

    /**
     * A collapsed module computing in integers says so on its class line ({@code BertLayer ×6 · int8}), or on a line
     * of its own: nothing else in a collapsed quantized model tells it from the float one.
     */
    private static void markIntegerComputation(List<String> lines, ModuleNode m) {
        String type = QuantizedOperations.integerType(m.opTypes());
        if (type == null) {
            return;
        }
        if (lines.isEmpty()) {
            lines.add(type);
        } else {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " · " + type);
        }
    }

    static String parameterLine(long parameters, long total) {
        String count = DisplayText.humanCount(parameters) + " params";
        if (total <= 0) {
            return count;
        }
        return count + String.format(java.util.Locale.ROOT, " (%.1f%%)", 100.0 * parameters / total);
    }

    /** The caption of a module box: its name, and its class when known. */
    public static String boxTitle(Module module) {
        String title = module.title().isBlank() ? "(unnamed)" : module.title();
        if (module.kind() == ModuleKind.CONTROL_FLOW) {
            return clip(title.equals(module.className()) ? title : module.className() + " " + title);
        }
        title = withClass(title, module.className());
        return module.fold() == null ? clip(title) : clip(title) + " " + module.fold().countText();
    }

    /** {@link #boxTitle(Module)}, followed by what a comparison of two models found about the box, if anything. */
    public static String boxTitle(Diagram diagram, Module module) {
        Change change = diagram.change(module);
        return change == null ? boxTitle(module) : boxTitle(module) + " · " + clip(change.label());
    }

    /**
     * {@link #boxTitle(Diagram, Module)} for formats whose boxes do not widen for their title (Mermaid): a changed box
     * says only that it changed, unless it is folded (its title then sums up all its members, hidden but for one);
     * what changed stays in the nodes inside it.
     */
    public static String shortBoxTitle(Diagram diagram, Module module) {
        Change change = diagram.change(module);
        if (change == null || change.kind() != ChangeKind.CHANGED || module.fold() != null) {
            return boxTitle(diagram, module);
        }
        return boxTitle(module) + " · " + Change.of(ChangeKind.CHANGED).label();
    }

    /** {@code conv1 (Conv2d)}: a module's title and its class, unless the title already says the class. */
    private static String withClass(String title, String className) {
        return className == null || namesClass(title, className) ? title : title + " (" + className + ")";
    }

    /**
     * Whether a title is its class's name, alone or numbered as calls named after their function are
     * ({@code Conv2d}, {@code Sequential_2}, a fold's {@code BasicBlock_0–1}): the class would be shown twice.
     */
    static boolean namesClass(String title, String className) {
        if (!title.startsWith(className)) {
            return false;
        }
        String rest = title.substring(className.length());
        return rest.isEmpty() || rest.length() > 1 && rest.charAt(0) == '_'
                && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9' || c == '–');
    }

    /** An edge shows the tensor's shape when known; the tensor name stays in the model for formats that carry it. */
    public static String edge(Diagram diagram, TensorEdge edge) {
        return diagram.options().style().shapes() ? clip(tensor(edge.tensor(), diagram.options())) : "";
    }

    /** The edge label as {@code options} ask: the shape, preceded by the element type with {@code showDtypes}. */
    public static String edge(TensorEdge edge, DrawOptions options) {
        return clip(tensor(edge.tensor(), options));
    }

    /**
     * A tensor in the compact form every format shows: {@code 1×3×224×224}, or {@code float32 1×3×224×224} when
     * dtypes are asked for; only what is known, so possibly empty. A quantized tensor always shows its type
     * ({@code uint8 1×16×384}): in a quantized model that is what tells the integer paths from the float ones.
     */
    public static String tensor(TensorInfo tensor, DrawOptions options) {
        String shape = tensor.shape() == null ? "" : tensor.shape().compact();
        boolean showType = options.showDtypes() || QuantizedOperations.isQuantizedType(tensor.elementType());
        if (!showType || tensor.elementType() == null) {
            return shape;
        }
        return shape.isEmpty() ? tensor.elementType() : tensor.elementType() + " " + shape;
    }

    private static void addTensor(List<String> lines, TensorInfo tensor, DrawOptions options) {
        String text = tensor(tensor, options);
        if (!text.isEmpty()) {
            lines.add(text);
        }
    }

    static String clip(String s) {
        return DisplayText.clip(s, MAX_LINE);
    }
}
