package io.github.nnvizonnx.api;

/** Whether a Mermaid diagram is made to fit where it is shown. Other formats are drawn at the depth asked for. */
public enum Fit {
    /**
     * Lower the depth until the Mermaid stays within GitHub's limits (500 edges, 50,000 characters), beyond which
     * GitHub shows an error instead of the diagram.
     */
    GITHUB,
    /** Keep the depth asked for. */
    NONE
}
