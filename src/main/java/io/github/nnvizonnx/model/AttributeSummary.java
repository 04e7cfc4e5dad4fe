package io.github.nnvizonnx.model;

import java.util.Objects;

/** An operator attribute as shown to people: its name and a short rendering of its value. */
public record AttributeSummary(String name, String value) {
    // equals and hashCode written out for start-up, with the generated values: see Dim.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AttributeSummary other && Objects.equals(name, other.name)
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
