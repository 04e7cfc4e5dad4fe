package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured tensors of the base run with each dim written as a function of the free dims ({@link DimFit}), from
 * the same tensors in the runs that perturbed one free dim each. A tensor some run did not return, or returned with
 * another rank, keeps no shape: what varies in an unknown way is not drawn as a number.
 */
final class SymbolicShapes {
    private SymbolicShapes() {
    }

    /** {@code perturbed.get(i)}: what the run that perturbed {@code free.get(i)} returned. */
    static Map<String, TensorInfo> fit(Map<String, TensorInfo> base, List<FreeDim> free,
                                       List<Map<String, TensorInfo>> perturbed) {
        Map<String, TensorInfo> fitted = new LinkedHashMap<>();
        base.forEach((name, measured) -> fitted.put(name, fit(measured, free, perturbed)));
        return fitted;
    }

    private static TensorInfo fit(TensorInfo measured, List<FreeDim> free, List<Map<String, TensorInfo>> perturbed) {
        Shape shape = measured.shape();
        if (shape == null) {
            return measured;
        }
        List<Shape> others = new ArrayList<>(free.size());
        for (Map<String, TensorInfo> run : perturbed) {
            TensorInfo other = run.get(measured.name());
            if (other == null || other.shape() == null || other.shape().rank() != shape.rank()) {
                return new TensorInfo(measured.name(), measured.elementType(), null);
            }
            others.add(other.shape());
        }
        List<Dim> dims = new ArrayList<>(shape.rank());
        for (int axis = 0; axis < shape.rank(); axis++) {
            int a = axis;
            dims.add(DimFit.fit(shape.dims().get(axis).value(), free,
                    others.stream().map(s -> s.dims().get(a).value()).toList()));
        }
        return new TensorInfo(measured.name(), measured.elementType(), new Shape(dims));
    }
}
