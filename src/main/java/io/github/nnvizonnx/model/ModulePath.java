package io.github.nnvizonnx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a node or module sits in the module tree: the display names of its ancestors from the root, e.g.
 * {@code [layer1, 0, conv1]}. The root is the empty path.
 */
public final class ModulePath implements Comparable<ModulePath> {
    /** The whole model: the path with no segments. */
    public static final ModulePath ROOT = new ModulePath(List.of());
    /** What separates a module's name from the number of a repeated call of it: {@code relu#2}. */
    public static final String CALL = "#";
    /**
     * The deepest a scope read from a file nests: real exporters stay far below, and a hostile file with 100,000
     * levels would cost time and memory quadratic in them. Deeper levels are joined into one name
     * ({@link #limitedDepth}).
     */
    public static final int MAX_DEPTH = 64;

    private final List<String> segments;
    /** Computed once: paths are hash keys everywhere (modules, collapse, diagram boxes). */
    private final int hash;
    private ModulePath parent;

    private ModulePath(List<String> segments) {
        this.segments = segments;
        this.hash = segments.hashCode();
    }

    /** The path made of {@code segments}, outermost first. */
    public static ModulePath of(List<String> segments) {
        return segments.isEmpty() ? ROOT : new ModulePath(List.copyOf(segments));
    }

    /** The path made of {@code segments}, outermost first. */
    public static ModulePath of(String... segments) {
        return of(List.of(segments));
    }

    /**
     * This path if it is at most {@link #MAX_DEPTH} long, else its first {@code MAX_DEPTH - 1} names and one more
     * joining the rest with '/': nothing is lost from view, and the tree stays shallow.
     */
    public ModulePath limitedDepth() {
        if (segments.size() <= MAX_DEPTH) {
            return this;
        }
        List<String> kept = new ArrayList<>(segments.subList(0, MAX_DEPTH - 1));
        kept.add(String.join("/", segments.subList(MAX_DEPTH - 1, segments.size())));
        return new ModulePath(List.copyOf(kept));
    }

    /** The segments, outermost first. */
    public List<String> segments() {
        return segments;
    }

    /** How many segments the path has: 0 for the root. */
    public int length() {
        return segments.size();
    }

    /** Whether this is the whole model. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The innermost segment. */
    public String last() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The enclosing module's path. */
    public ModulePath parent() {
        if (parent == null) {
            parent = segments.isEmpty() ? ROOT : of(segments.subList(0, segments.size() - 1));
        }
        return parent;
    }

    /** The path of a child module named {@code segment}. */
    public ModulePath child(String segment) {
        List<String> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        ModulePath child = new ModulePath(Collections.unmodifiableList(longer));
        child.parent = this;
        return child;
    }

    /** This path followed by {@code relative}. */
    public ModulePath append(ModulePath relative) {
        if (relative.isRoot()) {
            return this;
        }
        List<String> longer = new ArrayList<>(segments);
        longer.addAll(relative.segments);
        return new ModulePath(Collections.unmodifiableList(longer));
    }

    /** The first {@code n} segments. */
    public ModulePath prefix(int n) {
        ModulePath p = this;
        for (int i = segments.size(); i > n && i > 0; i--) {
            p = p.parent();
        }
        return p;
    }

    /** True when this path is {@code other} or one of its ancestors. */
    public boolean contains(ModulePath other) {
        return other.segments.size() >= segments.size()
                && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** This path with the ancestor {@code base} removed from its front; {@code base} must contain it. */
    public ModulePath relativeTo(ModulePath base) {
        if (!base.contains(this)) {
            throw new IllegalArgumentException(base + " does not contain " + this);
        }
        return of(segments.subList(base.segments.size(), segments.size()));
    }

    /**
     * The name of the {@code call}-th call of the module named {@code module}, as torch numbers repeated calls from
     * {@code _1} for the second: {@code callName("relu", "1")} is {@code relu#2}. A suffix too long to be a count is
     * kept as written.
     */
    public static String callName(String module, String torchSuffix) {
        try {
            return module + CALL + (Long.parseLong(torchSuffix) + 1);
        } catch (NumberFormatException e) {
            return module + CALL + torchSuffix;
        }
    }

    /** The module a segment calls: {@code relu} for {@code relu#2}, the segment itself when it is a first call. */
    public static String calledModule(String segment) {
        int mark = segment.lastIndexOf(CALL);
        if (mark < 1 || mark == segment.length() - 1) {
            return segment;
        }
        for (int i = mark + 1; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return segment;
            }
        }
        return segment.substring(0, mark);
    }

    /** This path with every repeated call named as the module it calls ({@code layer1.0.relu#2} → {@code layer1.0.relu}). */
    public ModulePath calledModules() {
        List<String> modules = new ArrayList<>(segments.size());
        boolean changed = false;
        for (String s : segments) {
            String module = calledModule(s);
            changed |= module != s;
            modules.add(module);
        }
        return changed ? of(modules) : this;
    }

    /**
     * The deepest module both paths lie in, where two calls of one module ({@code fc} and {@code fc#2}) count as that
     * module: the owner of a weight that every call of a shared module reads.
     */
    public ModulePath commonModule(ModulePath other) {
        ModulePath common = commonAncestor(other);
        int n = Math.min(segments.size(), other.segments.size());
        if (common.length() == n || !calledModule(segments.get(common.length()))
                .equals(calledModule(other.segments.get(common.length())))) {
            return common;
        }
        List<String> shared = new ArrayList<>(common.segments);
        for (int i = common.length(); i < n; i++) {
            String mine = calledModule(segments.get(i));
            if (!mine.equals(calledModule(other.segments.get(i)))) {
                break;
            }
            shared.add(mine);
        }
        return of(shared);
    }

    /** The deepest path that contains both this one and {@code other}. */
    public ModulePath commonAncestor(ModulePath other) {
        int n = Math.min(segments.size(), other.segments.size());
        int i = 0;
        while (i < n && segments.get(i).equals(other.segments.get(i))) {
            i++;
        }
        return prefix(i);
    }

    /** The PyTorch-style qualified name, e.g. {@code layer1.0.conv1}; empty for the root. */
    public String dotted() {
        return String.join(".", segments);
    }

    /** The segments joined by '/', the way TensorFlow writes scopes, e.g. {@code model/conv2d}. */
    public String slashed() {
        return String.join("/", segments);
    }

    /**
     * Whether a path typed by a user names this module, in dotted or slashed form. The text is first compared as
     * given (module names may begin or end with blanks or control characters), then without surrounding blanks and
     * leading slashes.
     */
    public boolean matches(String userPath) {
        if (userPath.equals(dotted()) || userPath.equals(slashed())) {
            return true;
        }
        String trimmed = userPath.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.equals(dotted()) || trimmed.equals(slashed());
    }

    @Override
    public int compareTo(ModulePath o) {
        int n = Math.min(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            int c = segments.get(i).compareTo(o.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), o.segments.size());
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof ModulePath p) || p.hash != hash || p.segments.size() != segments.size()) {
            return false;
        }
        for (int i = segments.size() - 1; i >= 0; i--) { // paths that differ, differ mostly at the end
            String a = segments.get(i);
            String b = p.segments.get(i);
            if (a != b && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return isRoot() ? "<root>" : dotted();
    }
}
