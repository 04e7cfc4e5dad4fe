package io.github.nnvizonnx.shapes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@link ShapeRunner} needs, in plain Java: the model file, the folder its external data is read from
 * (checked to stay inside the model's folder), the inputs to feed and the top-level tensors to add as outputs.
 */
public record RunPlan(Path model, Path externalDataFolder, List<RunInput> inputs, List<String> extraOutputs) {
    public RunPlan {
        inputs = List.copyOf(inputs);
        extraOutputs = List.copyOf(extraOutputs);
    }

    /** The model's bytes with {@link #extraOutputs} added as graph outputs, in a direct buffer. */
    public ByteBuffer augmentedModel() throws IOException, ShapeRunException {
        return AugmentedModel.read(model, extraOutputs);
    }
}
