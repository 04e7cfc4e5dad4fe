package io.github.nnvizonnx.shapes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@link ShapeRunner} needs, in plain Java: the model file, the folder its external data is read from
 * (checked to stay inside the model's folder), the inputs to feed and the tensors to add as outputs.
 * {@code variants} are the inputs of further runs of the same session, one for each free dim perturbed.
 * {@code inlineFunctions}: run the model with its local function calls inlined ({@link InlinedModel}), so that the
 * tensors inside calls, named as the inliner names them, can be outputs too.
 */
public record RunPlan(Path model, Path externalDataFolder, List<RunInput> inputs, List<String> extraOutputs,
                      List<List<RunInput>> variants, boolean inlineFunctions) {
    public RunPlan {
        inputs = List.copyOf(inputs);
        extraOutputs = List.copyOf(extraOutputs);
        variants = variants.stream().map(List::copyOf).toList();
    }

    /** A plan of one run of the model as it is. */
    public RunPlan(Path model, Path externalDataFolder, List<RunInput> inputs, List<String> extraOutputs) {
        this(model, externalDataFolder, inputs, extraOutputs, List.of(), false);
    }

    /** This plan's variant {@code i} as a plan of one run. */
    public RunPlan variant(int i) {
        return new RunPlan(model, externalDataFolder, variants.get(i), extraOutputs, List.of(), inlineFunctions);
    }

    /** The same plan run on the model as it is, its tensors inside calls left out. */
    RunPlan withoutInlining(List<String> topLevelOutputs) {
        return new RunPlan(model, externalDataFolder, inputs, topLevelOutputs, variants, false);
    }

    /**
     * The model's bytes with {@link #extraOutputs} added as graph outputs, in a direct buffer: the file's bytes
     * with a field appended, or, for {@link #inlineFunctions}, the inlined model written anew.
     */
    public ByteBuffer augmentedModel() throws IOException, ShapeRunException {
        return inlineFunctions ? InlinedModel.read(model, extraOutputs) : AugmentedModel.read(model, extraOutputs);
    }
}
