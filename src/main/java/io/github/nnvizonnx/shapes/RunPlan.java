package io.github.nnvizonnx.shapes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@link ShapeRunner} needs, in plain Java: the model file, the folder its external data is read from
 * (checked to stay inside the model's folder), the inputs to feed and the top-level tensors to add as outputs.
 * {@code variants} are the inputs of further runs of the same session, one for each free dim perturbed.
 */
public record RunPlan(Path model, Path externalDataFolder, List<RunInput> inputs, List<String> extraOutputs,
                      List<List<RunInput>> variants) {
    public RunPlan {
        inputs = List.copyOf(inputs);
        extraOutputs = List.copyOf(extraOutputs);
        variants = variants.stream().map(List::copyOf).toList();
    }

    /** A plan of one run. */
    public RunPlan(Path model, Path externalDataFolder, List<RunInput> inputs, List<String> extraOutputs) {
        this(model, externalDataFolder, inputs, extraOutputs, List.of());
    }

    /** This plan's variant {@code i} as a plan of one run. */
    public RunPlan variant(int i) {
        return new RunPlan(model, externalDataFolder, variants.get(i), extraOutputs);
    }

    /** The model's bytes with {@link #extraOutputs} added as graph outputs, in a direct buffer. */
    public ByteBuffer augmentedModel() throws IOException, ShapeRunException {
        return AugmentedModel.read(model, extraOutputs);
    }
}
