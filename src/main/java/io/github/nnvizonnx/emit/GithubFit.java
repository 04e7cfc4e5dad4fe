package io.github.nnvizonnx.emit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Mermaid that GitHub accepts: GitHub renders with mermaid's default limits (at most 500 edges, at most 50,000
 * characters of text) and shows an error instead of a diagram beyond them. This picks the deepest depth whose
 * Mermaid text stays within both.
 */
public final class GithubFit {
    /** The most edges mermaid draws with its default settings. */
    public static final int MAX_EDGES = 500;
    /** The most characters of text mermaid draws with its default settings. */
    public static final int MAX_CHARACTERS = 50_000;

    /** The candidate chosen (a view: a depth, a budget), its diagram, its size, and whether it is within the limits. */
    public record Choice<V>(V view, Diagram diagram, int edges, int characters, boolean fits) {
    }

    private GithubFit() {
    }

    /** {@link #choose(List, Function, ToIntFunction, boolean)}, one candidate at a time, none skipped. */
    public static <V> Choice<V> choose(List<V> viewsMostDetailedFirst, Function<V, Diagram> diagramOf)
            throws IOException {
        return choose(viewsMostDetailedFirst, diagramOf, null, false);
    }

    /**
     * The first candidate that fits, or the last (shallowest) one when none does. A candidate with too many edges is
     * passed over without writing its text (for a large model the deeper candidates have many thousands of nodes).
     * {@code nodesOf} (null: not known) counts the nodes a depth would draw without drawing it: every node is
     * one line of at least {@link MermaidEmitter#MIN_NODE_LINE} characters, so a depth with too many nodes cannot fit
     * and is passed over before it is collapsed. {@code inPairs}: collapse two candidates at a time on two cores (for
     * large models, where the deepest rarely fits and each collapse walks the whole graph).
     */
    public static <V> Choice<V> choose(List<V> viewsMostDetailedFirst, Function<V, Diagram> diagramOf,
                                ToIntFunction<V> nodesOf, boolean inPairs) throws IOException {
        MermaidEmitter mermaid = new MermaidEmitter();
        int step = inPairs ? 2 : 1;
        int lastIndex = viewsMostDetailedFirst.size() - 1;
        int next = 0;
        while (next <= lastIndex) {
            List<V> batch = new ArrayList<>(step);
            for (; next <= lastIndex && batch.size() < step; next++) {
                V view = viewsMostDetailedFirst.get(next);
                if (next == lastIndex || nodesOf == null || (long) nodesOf.applyAsInt(view)
                        * MermaidEmitter.MIN_NODE_LINE <= MAX_CHARACTERS) {
                    batch.add(view);
                }
            }
            List<Diagram> diagrams = batch.size() == 1 ? List.of(diagramOf.apply(batch.get(0)))
                    : batch.parallelStream().map(diagramOf).toList();
            for (int k = 0; k < batch.size(); k++) {
                Diagram diagram = diagrams.get(k);
                int edges = diagram.edges().size();
                boolean last = next > lastIndex && k == batch.size() - 1;
                if (edges > MAX_EDGES && !last) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                mermaid.write(diagram, text);
                Choice<V> choice = new Choice<>(batch.get(k), diagram, edges, text.length(),
                        edges <= MAX_EDGES && text.length() <= MAX_CHARACTERS);
                if (choice.fits() || last) {
                    return choice;
                }
            }
        }
        throw new IllegalArgumentException("no depth to try");
    }
}
