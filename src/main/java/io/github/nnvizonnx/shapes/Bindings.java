package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.DisplayText;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    /** Nameless input axes bound by their drawn names ({@code --dim H=48}): by input, the value of each axis. */
    private final Map<String, Map<Integer, Long>> axisValues;
    private final List<InputNode> inputs;

    private Bindings(Map<String, Long> dims, Map<String, Shape> inputOverrides,
                     Map<String, Map<Integer, Long>> axisValues, List<InputNode> inputs) {
        this.dims = dims;
        this.inputOverrides = inputOverrides;
        this.axisValues = axisValues;
        this.inputs = inputs;
    }

    /**
     * The request's values bound to the model. A {@code --dim} names a dim as the file does or as a drawing does
     * ({@link DimNames}: {@code N}, {@code H}, {@code d0} for generated or missing names).
     */
    static Bindings of(ModelGraph model, ShapeRequest request) {
        List<InputNode> inputs = topLevelInputs(model);
        return of(inputs, request, DimNames.of(model, inputs));
    }

    /**
     * {@link #of(ModelGraph, ShapeRequest)} with the model's top-level inputs and dim names already worked out
     * (each a walk over the model).
     */
    static Bindings of(List<InputNode> inputs, ShapeRequest request, DimNames drawn) {
        Map<String, Long> bySymbol = new LinkedHashMap<>();
        Map<String, Map<Integer, Long>> axisValues = new HashMap<>();
        for (Map.Entry<String, Long> dim : request.dims().entrySet()) {
            String name = dim.getKey();
            if (dim.getValue() == null || dim.getValue() < 1) {
                throw new ShapeRequestException("--dim " + name + "=" + dim.getValue() + ": a dim is 1 or more");
            }
            if (drawn.isFileSymbol(name)) {
                bySymbol.put(name, dim.getValue());
            } else if (drawn.symbolOf(name) != null) {
                bySymbol.put(drawn.symbolOf(name), dim.getValue());
            } else if (!drawn.axesOf(name).isEmpty()) {
                for (FreeDims.Axis axis : drawn.axesOf(name)) {
                    axisValues.computeIfAbsent(axis.input(), input -> new HashMap<>()).put(axis.axis(),
                            dim.getValue());
                }
            } else {
                Set<String> names = drawn.drawnNames();
                throw new ShapeRequestException("--dim " + name + ": the model has no symbolic dim of that name ("
                        + (names.isEmpty() ? "it has none" : "its symbolic dims: " + clip(String.join(", ", names)))
                        + ")");
            }
        }
        GivenInputs given = GivenInputs.check(bySymbol, request.inputs(),
                value -> value.input() == null ? imageLikeInput(inputs) : named(inputs, value.input()));
        return new Bindings(Map.copyOf(given.symbols), Map.copyOf(given.shapes), axisValues, inputs);
    }

    /** The inputs of the top-level graph, in the file's order. */
    static List<InputNode> topLevelInputs(ModelGraph model) {
        return model.nodes(InputNode.class).stream().filter(n -> n.scope().isRoot()).toList();
    }

    /** Whether nothing is bound: {@link #bind} then returns every tensor as it is. */
    boolean isEmpty() {
        return dims.isEmpty() && inputOverrides.isEmpty() && axisValues.isEmpty();
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
        Map<Integer, Long> axes = axisValues.getOrDefault(tensor.name(), Map.of());
        for (int axis = 0; axis < tensor.shape().rank(); axis++) {
            Dim d = tensor.shape().dims().get(axis);
            Long value = axes.containsKey(axis) ? axes.get(axis) : d.symbol() == null ? null : dims.get(d.symbol());
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
