package io.github.nnvizonnx.model;

/** What a box in the module tree stands for. */
public enum ModuleKind {
    /** A module of the source framework (a torch nn.Module, a Keras layer), found from name scopes or metadata. */
    MODULE,
    /** A call of an ONNX model-local function; its class is the function's name. */
    FUNCTION,
    /** A data-dependent operator (If, Loop, Scan) together with its bodies; a black box unless expanded. */
    CONTROL_FLOW,
    /** One graph-valued attribute of a control-flow operator, e.g. {@code then_branch} or {@code body}. */
    BRANCH;

    /** Whether this kind counts as a level for {@code --depth}. */
    public boolean countsForDepth() {
        return this == MODULE || this == FUNCTION;
    }
}
