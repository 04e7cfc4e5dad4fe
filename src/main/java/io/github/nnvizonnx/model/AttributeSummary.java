package io.github.nnvizonnx.model;

/** An operator attribute as shown to people: its name and a short rendering of its value. */
public record AttributeSummary(String name, String value) {
    @Override
    public String toString() {
        return name + "=" + value;
    }
}
