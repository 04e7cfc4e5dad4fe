package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a drawing gives the symbolic dims of a file, before any run: each free dim of the inputs is called as
 * {@link FreeDims} calls it ({@code N}, {@code H}, {@code W}, {@code batch_size}), so that declared and measured
 * drawings agree; any other symbol keeps its own name when it is made of words and gets the next {@code dN}
 * otherwise, so that no generated name ({@code p2o.DynamicDimension.0}, {@code unk__12}) is ever drawn. Input axes
 * the file leaves nameless get their role's name too; the file's own words are never changed (MiniLM's inputs stay
 * {@code batch×batch} as declared). {@code --dim} may bind a dim by its drawn name.
 */
final class DimNames {
    /** Every symbol the file writes, on any tensor. */
    private final Set<String> fileSymbols;
    private final Map<String, String> bySymbol;
    private final Map<String, String[]> inputAxes;
    /** Every drawn name: the file's symbol it stands for, or null for nameless input axes. */
    private final Map<String, String> symbolOfName;
    private final Map<String, List<FreeDims.Axis>> axesOfName;

    private DimNames(Set<String> fileSymbols, Map<String, String> bySymbol, Map<String, String[]> inputAxes,
                     Map<String, String> symbolOfName, Map<String, List<FreeDims.Axis>> axesOfName) {
        this.fileSymbols = fileSymbols;
        this.bySymbol = bySymbol;
        this.inputAxes = inputAxes;
        this.symbolOfName = symbolOfName;
        this.axesOfName = axesOfName;
    }

    /** The names of the symbols of {@code model}, whose top-level inputs are {@code inputs}. */
    static DimNames of(ModelGraph model, List<InputNode> inputs) {
        FreeDims free = FreeDims.declared(inputs);
        Map<String, String> bySymbol = new HashMap<>();
        Map<String, String[]> inputAxes = new HashMap<>();
        Map<String, String> symbolOfName = new LinkedHashMap<>();
        Map<String, List<FreeDims.Axis>> axesOfName = new LinkedHashMap<>();
        for (int i = 0; i < free.dims().size(); i++) {
            FreeDim dim = free.dims().get(i);
            List<FreeDims.Axis> axes = free.axes(i);
            for (FreeDims.Axis axis : axes) {
                inputAxes.computeIfAbsent(axis.input(), name -> new String[rank(inputs, name)])[axis.axis()] =
                        dim.name();
            }
            if (dim.declared() != null) {
                bySymbol.putIfAbsent(dim.declared(), dim.name());
                symbolOfName.put(dim.name(), dim.declared());
            } else {
                symbolOfName.putIfAbsent(dim.name(), null);
                axesOfName.put(dim.name(), axes);
            }
        }
        Set<String> fileSymbols = symbols(model); // a walk over every edge
        for (String symbol : fileSymbols) {
            if (!bySymbol.containsKey(symbol)) {
                String name = free.nameOther(symbol);
                bySymbol.put(symbol, name);
                symbolOfName.putIfAbsent(name, symbol);
            }
        }
        bySymbol.entrySet().removeIf(e -> e.getKey().equals(e.getValue())); // what keeps its name needs no rewrite
        return new DimNames(fileSymbols, bySymbol, inputAxes, symbolOfName, axesOfName);
    }

    /** Whether every tensor keeps its shape as the file wrote it. */
    boolean changeNothing() {
        return bySymbol.isEmpty() && inputAxes.isEmpty();
    }

    /** {@code tensor} with its symbols as drawn; an input's nameless free axes named too. */
    TensorInfo rename(TensorInfo tensor, boolean topLevel) {
        Shape shape = tensor.shape();
        if (shape == null) {
            return tensor;
        }
        String[] axes = topLevel ? inputAxes.get(tensor.name()) : null;
        List<Dim> dims = new ArrayList<>(shape.rank());
        boolean changed = false;
        for (int axis = 0; axis < shape.rank(); axis++) {
            Dim d = shape.dims().get(axis);
            String name = d.isKnown() || ReadableNames.isReadable(d.symbol()) ? null // the file's own words stay
                    : axes != null && axis < axes.length && axes[axis] != null ? axes[axis]
                    : d.symbol() == null ? null : bySymbol.get(d.symbol());
            dims.add(name == null || name.equals(d.symbol()) ? d : Dim.symbolic(name));
            changed |= name != null && !name.equals(d.symbol());
        }
        return changed ? tensor.withType(tensor.elementType(), new Shape(dims)) : tensor;
    }

    /** Whether the file writes {@code symbol} on some tensor. */
    boolean isFileSymbol(String symbol) {
        return fileSymbols.contains(symbol);
    }

    /** The file's symbol drawn as {@code name}, if it names one. */
    String symbolOf(String name) {
        return symbolOfName.get(name);
    }

    /** The nameless input axes drawn as {@code name}; empty when it names none. */
    List<FreeDims.Axis> axesOf(String name) {
        return axesOfName.getOrDefault(name, List.of());
    }

    /** Every drawn name, for messages. */
    Set<String> drawnNames() {
        return symbolOfName.keySet();
    }

    private static int rank(List<InputNode> inputs, String name) {
        return inputs.stream().filter(n -> n.tensor().name().equals(name)).findFirst()
                .map(n -> n.tensor().shape().rank()).orElse(0);
    }

    /** The symbols of every tensor of the model, in order of first use. */
    private static Set<String> symbols(ModelGraph model) {
        Set<String> symbols = new LinkedHashSet<>();
        model.nodes(InputNode.class).forEach(n -> addSymbols(n.tensor(), symbols));
        model.nodes(OutputNode.class).forEach(n -> addSymbols(n.tensor(), symbols));
        for (TensorEdge e : model.graph().edgeSet()) {
            addSymbols(e.tensor(), symbols);
        }
        return symbols;
    }

    private static void addSymbols(TensorInfo tensor, Set<String> into) {
        if (tensor.shape() != null) {
            for (Dim d : tensor.shape().dims()) {
                if (d.symbol() != null && !d.isKnown()) {
                    into.add(d.symbol());
                }
            }
        }
    }
}
