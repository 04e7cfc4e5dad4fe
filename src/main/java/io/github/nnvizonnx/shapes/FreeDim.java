package io.github.nnvizonnx.shapes;

/**
 * A dim of the top-level inputs that nothing binds: one symbol, however many axes it names. The runs set it to
 * {@code base} (all at once), then, one run per free dim, to {@code perturbed}; {@code name} is what a drawing
 * calls it, {@code declared} what the file calls it (null for a nameless dim or a second axis of a symbol).
 */
record FreeDim(String name, long base, long perturbed, String declared) {
    /** A dim as a fit sees it: its name and sizes. */
    FreeDim(String name, long base, long perturbed) {
        this(name, base, perturbed, null);
    }

    /** How the user binds it: {@code --dim samples=16000}, by its drawn name (also the file's, when readable). */
    String binding() {
        return "--dim " + name + "=" + base;
    }
}
