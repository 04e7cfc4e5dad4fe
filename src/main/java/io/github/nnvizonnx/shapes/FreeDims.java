package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.InputNode;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The free dims of a model's top-level inputs (those neither the file, {@code --dim} nor {@code --input} fixes), with
 * example sizes for the runs: an image (rank 4 with 1, 3 or 4 channels) is N×C×224×224 with N = 1, a token sequence
 * 1×16, a waveform (batch × samples, or batch × 1 or 2 channels × samples) 1×16000 samples, any other free dim 1. Inputs that name a dim with one symbol share it; a symbol
 * one input uses on two axes (MiniLM's {@code batch×batch}) names two dims, as it must to feed real sequences.
 */
final class FreeDims {
    /** An input axis's dim: what the file calls it, its role, and its sizes in the base and perturbed runs. */
    private record Role(String name, long base, long perturbed) {
    }

    private static final Role BATCH = new Role("batch", 1, 2);
    private static final Role IMAGE_BATCH = new Role("N", 1, 2);
    private static final Role HEIGHT = new Role("H", 224, 256);
    private static final Role WIDTH = new Role("W", 224, 256);
    private static final Role SEQUENCE = new Role("sequence", 16, 32);
    private static final Role SAMPLES = new Role("samples", 16000, 19200);
    private static final Role OTHER = new Role(null, 1, 2);
    private static final Set<Long> CHANNELS = Set.of(1L, 3L, 4L);

    /** An axis of an input: which input, which axis. */
    record Axis(String input, int axis) {
    }

    private final List<FreeDim> dims;
    /** For each input, its shape with each free axis holding its dim's index in {@link #dims} as a negative -1-i. */
    private final Map<String, long[]> layouts;
    private final Map<String, String> elementTypes;
    /** The names given so far: other symbols of the model are named after these, never the same. */
    private final ReadableNames names;

    private FreeDims(List<FreeDim> dims, Map<String, long[]> layouts, Map<String, String> elementTypes,
                     ReadableNames names) {
        this.dims = List.copyOf(dims);
        this.layouts = layouts;
        this.elementTypes = elementTypes;
        this.names = names;
    }

    /** The free dims of {@code inputs}, each given as bound; throws when an input declares no shape. */
    static FreeDims of(List<InputNode> inputs, Bindings bindings) throws ShapeRunException {
        return of(inputs, bindings::bind, false);
    }

    /**
     * The free dims of {@code inputs} as the file declares them, nothing bound: the names a drawing gives them
     * before any run. Inputs that declare no shape have none.
     */
    static FreeDims declared(List<InputNode> inputs) {
        try {
            return of(inputs, t -> t, true);
        } catch (ShapeRunException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * Names come from the declared shapes, whatever is bound, so that a dim is called the same in a drawing with
     * declared shapes, in one measured with some dims bound, and in the option that binds it.
     */
    private static FreeDims of(List<InputNode> inputs, java.util.function.UnaryOperator<TensorInfo> bind,
                               boolean skipShapeless) throws ShapeRunException {
        Scan declared = new Scan(inputs, t -> t, true);
        ReadableNames names = new ReadableNames();
        declared.keys.forEach(key -> names.reserve(declared.declaredNames.get(key)));
        Map<String, String> namesByKey = new HashMap<>();
        for (String key : declared.keys) {
            String symbol = declared.declaredNames.get(key);
            namesByKey.put(key, names.name(ReadableNames.isReadable(symbol) ? symbol : null,
                    declared.roles.get(key).name()));
        }
        Scan bound = skipShapeless ? declared : new Scan(inputs, bind, false);
        List<FreeDim> dims = new ArrayList<>();
        for (String key : bound.keys) {
            String name = namesByKey.get(key);
            Role role = bound.roles.get(key);
            dims.add(new FreeDim(name != null ? name : names.name(null, role.name()), role.base(), role.perturbed(),
                    bound.declaredNames.get(key)));
        }
        return new FreeDims(dims, bound.layouts, bound.types, names);
    }

    /**
     * The free axes of the inputs, each under a key: its symbol (with the use count when one input uses it on two
     * axes), or the input and axis of a nameless dim.
     */
    private static final class Scan {
        final Map<String, Role> roles = new LinkedHashMap<>();
        final Map<String, String> declaredNames = new HashMap<>();
        final Map<String, long[]> layouts = new LinkedHashMap<>();
        final Map<String, String> types = new LinkedHashMap<>();
        final List<String> keys = new ArrayList<>();

        Scan(List<InputNode> inputs, java.util.function.UnaryOperator<TensorInfo> bind, boolean skipShapeless)
                throws ShapeRunException {
            for (InputNode input : inputs) {
                TensorInfo tensor = input.tensor();
                Shape shape = bind.apply(tensor).shape();
                if (shape == null && skipShapeless) {
                    continue;
                }
                if (shape == null) {
                    throw new ShapeRunException("input '" + tensor.name() + "' declares no shape; give one with"
                            + " --input " + tensor.name() + "=SHAPE");
                }
                layouts.put(tensor.name(), layout(tensor, shape));
                types.put(tensor.name(), tensor.elementType());
            }
        }

        private long[] layout(TensorInfo tensor, Shape shape) {
            long[] layout = new long[shape.rank()];
            Map<String, Integer> uses = new HashMap<>();
            for (int axis = 0; axis < shape.rank(); axis++) {
                Dim d = shape.dims().get(axis);
                if (d.isKnown() && d.value() >= 0) {
                    layout[axis] = d.value();
                    continue;
                }
                String key;
                if (d.symbol() == null) {
                    key = "\0" + tensor.name() + "\0" + axis;
                } else {
                    int use = uses.merge(d.symbol(), 1, Integer::sum) - 1;
                    key = use == 0 ? d.symbol() : d.symbol() + "\0" + use;
                    if (use == 0) {
                        declaredNames.put(key, d.symbol());
                    }
                }
                if (!roles.containsKey(key)) {
                    roles.put(key, role(tensor, shape, axis));
                    keys.add(key);
                }
                layout[axis] = -1 - keys.indexOf(key);
            }
            return layout;
        }
    }

    /** What an axis of an input is for, from the input's rank, channels, element type and name. */
    private static Role role(TensorInfo tensor, Shape shape, int axis) {
        int rank = shape.rank();
        Dim channels = rank == 4 ? shape.dims().get(1) : null;
        if (channels != null && channels.isKnown() && CHANNELS.contains(channels.value())) {
            return switch (axis) {
                case 0 -> IMAGE_BATCH;
                case 2 -> HEIGHT;
                case 3 -> WIDTH;
                default -> OTHER;
            };
        }
        boolean integer = tensor.elementType() != null && !tensor.elementType().startsWith("float")
                && !tensor.elementType().startsWith("bfloat");
        if (rank == 2 && (integer || RunInput.namesAnIndex(tensor.name()))) {
            return axis == 0 ? BATCH : SEQUENCE;
        }
        if (rank == 2 && !integer) {
            return axis == 0 ? BATCH : SAMPLES;
        }
        if (rank == 1 && !integer) {
            return SAMPLES;
        }
        Dim audioChannels = rank == 3 ? shape.dims().get(1) : null;
        if (!integer && audioChannels != null && audioChannels.isKnown() && audioChannels.value() <= 2) {
            return axis == 0 ? BATCH : SAMPLES; // batch × channels × samples, mono or stereo
        }
        return axis == 0 && rank > 1 ? BATCH : OTHER;
    }

    List<FreeDim> dims() {
        return dims;
    }

    boolean isEmpty() {
        return dims.isEmpty();
    }

    /** The inputs of the base run ({@code perturbed} -1) or of the run that perturbs free dim {@code perturbed}. */
    List<RunInput> inputs(int perturbed) {
        List<RunInput> inputs = new ArrayList<>(layouts.size());
        layouts.forEach((name, layout) -> {
            List<Long> sizes = new ArrayList<>(layout.length);
            for (long size : layout) {
                int dim = (int) (-1 - size);
                sizes.add(size >= 0 ? size : dim == perturbed ? dims.get(dim).perturbed() : dims.get(dim).base());
            }
            inputs.add(RunInput.of(name, sizes, elementTypes.get(name)));
        });
        return inputs;
    }

    /** The input shapes of the base run, by name, for the memory estimate. */
    Map<String, TensorInfo> baseTensors(List<InputNode> inputs) {
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        List<RunInput> base = inputs(-1);
        for (int i = 0; i < base.size(); i++) {
            TensorInfo t = inputs.get(i).tensor();
            tensors.put(t.name(), t.withType(t.elementType(), Shape.of(base.get(i).shape())));
        }
        return tensors;
    }

    /** The input axes free dim {@code dim} stands for. */
    List<Axis> axes(int dim) {
        List<Axis> axes = new ArrayList<>();
        layouts.forEach((input, layout) -> {
            for (int axis = 0; axis < layout.length; axis++) {
                if (layout[axis] == -1 - dim) {
                    axes.add(new Axis(input, axis));
                }
            }
        });
        return axes;
    }

    /** The drawn name of a symbol no input declares: readable ones stay, others get the next free name. */
    String nameOther(String symbol) {
        return ReadableNames.isReadable(symbol) ? symbol : names.name(null, null);
    }

    /** Each free dim as the option that binds it at its example size, for notes and warnings. */
    String describe() {
        return String.join(", ", dims.stream().map(FreeDim::binding).toList());
    }
}
