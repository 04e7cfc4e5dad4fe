package io.github.nnvizonnx.model;

import java.util.Objects;

/**
 * What differs about one drawn node, box or edge between two compared models: its {@code kind} and, for a change, a
 * short account of it ({@code float32 → int8}, {@code 2 added, 3 changed}); {@code detail} may be empty.
 */
public record Change(ChangeKind kind, String detail) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /** A change with nothing more to say than its kind. */
    public static Change of(ChangeKind kind) {
        return new Change(kind, "");
    }

    /** The line a label shows: {@code + added}, {@code − removed}, {@code Δ float32 → int8}. */
    public String label() {
        if (detail.isEmpty()) {
            return kind.sign() + " " + kind.word();
        }
        return kind.sign() + " " + (kind == ChangeKind.CHANGED ? detail : kind.word() + ": " + detail);
    }
}
