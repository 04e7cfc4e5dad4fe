package io.github.nnvizonnx.model;

/** How a part of a compared model differs from the other model ({@code nnviz-onnx diff OLD NEW}). */
public enum ChangeKind {
    /** Present only in the new model. */
    ADDED("added", "+"),
    /** Present only in the old model: drawn ghosted where it was. */
    REMOVED("removed", "−"),
    /** Present in both, but different (op type, attributes, weights, tensor types or shapes, or something inside). */
    CHANGED("changed", "Δ");

    private final String word;
    private final String sign;

    ChangeKind(String word, String sign) {
        this.word = word;
        this.sign = sign;
    }

    /** The word that formats write: {@code added}, {@code removed}, {@code changed}. */
    public String word() {
        return word;
    }

    /** The sign a label starts with: {@code +}, {@code −}, {@code Δ}. */
    public String sign() {
        return sign;
    }
}
