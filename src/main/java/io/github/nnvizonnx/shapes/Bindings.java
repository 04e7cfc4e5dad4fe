package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OutputNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user's {@code --dim} and {@code --input} values checked against the model: every name they use exists, a
 * nameless {@code --input} finds its one image-like input, and each value fits the declared shape
 * ({@link GivenInputs}). Binds them into declared shapes of the top-level graph (the symbols an input's value fixes
 * too), and makes the concrete shapes a run needs, with unbound dims set to 1.
 */
final class Bindings {
    /** Dims that a run sets to 1 because nothing binds them: a symbol's name, or a description of a nameless dim. */
    static final class Defaulted {
        private final Set<String> names = new LinkedHashSet<>();

        List<String> names() {
            return List.copyOf(names);
        }
    }

    private final Map<String, Long> dims;
    private final Map<String, Shape> inputOverrides;
    private final List<InputNode> inputs;

    private Bindings(Map<String, Long> dims, Map<String, Shape> inputOverrides, List<InputNode> inputs) {
        this.dims = dims;
        this.inputOverrides = inputOverrides;
        this.inputs = inputs;
    }

    static Bindings of(ModelGraph model, ShapeRequest request) {
        List<InputNode> inputs = model.nodes(InputNode.class).stream().filter(n -> n.scope().isRoot()).toList();
        Set<String> symbols = request.dims().isEmpty() ? Set.of() : symbols(model); // a walk over every edge
        for (Map.Entry<String, Long> dim : request.dims().entrySet()) {
            String name = dim.getKey();
            if (dim.getValue() == null || dim.getValue() < 1) {
                throw new ShapeRequestException("--dim " + name + "=" + dim.getValue() + ": a dim is 1 or more");
            }
            if (!symbols.contains(name)) {
                throw new ShapeRequestException("--dim " + name + ": the model has no symbolic dim of that name ("
                        + (symbols.isEmpty() ? "it has none" : "its symbolic dims: " + clip(String.join(", ", symbols)))
                        + ")");
            }
        }
        GivenInputs given = GivenInputs.check(request.dims(), request.inputs(),
                value -> value.input() == null ? imageLikeInput(inputs) : named(inputs, value.input()));
        return new Bindings(Map.copyOf(given.symbols), Map.copyOf(given.shapes), inputs);
    }

    /** Whether nothing is bound: {@link #bind} then returns every tensor as it is. */
    boolean isEmpty() {
        return dims.isEmpty() && inputOverrides.isEmpty();
    }

    /** The top-level inputs, in the file's order. */
    List<InputNode> inputs() {
        return inputs;
    }

    /** A top-level tensor with the user's bindings applied; symbols nobody bound stay symbols. */
    TensorInfo bind(TensorInfo tensor) {
        Shape override = inputOverrides.get(tensor.name());
        if (override != null) {
            return tensor.withType(tensor.elementType(), override);
        }
        if (tensor.shape() == null) {
            return tensor;
        }
        List<Dim> bound = new ArrayList<>(tensor.shape().rank());
        boolean changed = false;
        for (Dim d : tensor.shape().dims()) {
            Long value = d.symbol() == null ? null : dims.get(d.symbol());
            bound.add(value == null ? d : Dim.of(value));
            changed |= value != null;
        }
        // The same instance when nothing is bound, so that a model without symbolic dims is not copied.
        return changed ? tensor.withType(tensor.elementType(), new Shape(bound)) : tensor;
    }

    /**
     * The shape a run uses for a tensor: bound, then every dim still open set to 1 (and recorded in
     * {@code defaulted}); null when nothing declares a shape.
     */
    Shape concrete(TensorInfo tensor, Defaulted defaulted) {
        Shape shape = bind(tensor).shape();
        if (shape == null) {
            return null;
        }
        List<Dim> dims = new ArrayList<>(shape.rank());
        for (Dim d : shape.dims()) {
            if (d.isKnown() && d.value() >= 0) {
                dims.add(d);
            } else {
                defaulted.names.add(d.symbol() != null ? d.symbol() : "a nameless dim of " + tensor.name());
                dims.add(Dim.of(1));
            }
        }
        return new Shape(dims);
    }

    private static Set<String> symbols(ModelGraph model) {
        Set<String> symbols = new LinkedHashSet<>();
        List<TensorInfo> tensors = new ArrayList<>();
        model.nodes(InputNode.class).stream().filter(n -> n.scope().isRoot()).forEach(n -> tensors.add(n.tensor()));
        model.nodes(OutputNode.class).stream().filter(n -> n.scope().isRoot()).forEach(n -> tensors.add(n.tensor()));
        model.graph().edgeSet().stream().filter(TensorEdge::isTopLevel).forEach(e -> tensors.add(e.tensor()));
        for (TensorInfo t : tensors) {
            if (t.shape() != null) {
                t.shape().dims().stream().map(Dim::symbol).filter(s -> s != null).forEach(symbols::add);
            }
        }
        return symbols;
    }

    private static InputNode named(List<InputNode> inputs, String name) {
        return inputs.stream().filter(n -> n.tensor().name().equals(name)).findFirst()
                .orElseThrow(() -> new ShapeRequestException("--input " + name + ": the model has no input of that"
                        + " name (its inputs: " + names(inputs) + ")"));
    }

    /** The one input of rank 4 (an image batch), or else the only input. */
    private static InputNode imageLikeInput(List<InputNode> inputs) {
        List<InputNode> images = inputs.stream()
                .filter(n -> n.tensor().shape() != null && n.tensor().shape().rank() == 4).toList();
        if (images.size() == 1) {
            return images.get(0);
        }
        if (inputs.size() == 1) {
            return inputs.get(0);
        }
        throw new ShapeRequestException("--input without a name needs one image-like input, but the model has "
                + (images.isEmpty() ? "none among its inputs (" + names(inputs) + ")" : images.size() + " ("
                + names(images) + ")") + "; write --input NAME=SHAPE");
    }

    private static String names(List<InputNode> inputs) {
        return inputs.isEmpty() ? "none" : clip(inputs.stream().map(n -> n.tensor().name())
                .collect(Collectors.joining(", ")));
    }

    private static String clip(String list) {
        return DisplayText.clip(list, 200);
    }
}
