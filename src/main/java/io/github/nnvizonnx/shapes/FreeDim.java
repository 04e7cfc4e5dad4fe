package io.github.nnvizonnx.shapes;

/**
 * A dim of the top-level inputs that nothing binds: one symbol, however many axes it names. The runs set it to
 * {@code base} (all at once), then, one run per free dim, to {@code perturbed}; {@code name} is what a drawing
 * calls it.
 */
record FreeDim(String name, long base, long perturbed) {
}
