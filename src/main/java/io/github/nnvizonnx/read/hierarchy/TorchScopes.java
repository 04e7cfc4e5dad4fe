package io.github.nnvizonnx.read.hierarchy;

import io.github.nnvizonnx.model.ModulePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * PyTorch's scope rules, shared by the TorchScript and dynamo conventions. A scope segment is relative to its parent
 * ({@code conv1} under {@code layer1.0}), except that a list item is written with its list's name in front
 * ({@code layer1.0} under {@code layer1}, {@code downsample.0} under {@code downsample}); dynamo writes full
 * qualified names ({@code layer1.0.conv1}). The display name is what remains after the parent's name; a list that was
 * never called itself stays in the item's name ({@code layer.0} under {@code encoder}). A second call of the same
 * module gets a {@code _N} suffix ({@code relu_1}); it is recognised as such only when its sibling without the suffix
 * exists in the same graph, so a module really named {@code conv_1} stays, and it becomes a module call of its own,
 * {@code relu#2} ({@link ModulePath#callName}), drawn apart from the first call.
 */
final class TorchScopes {
    private TorchScopes() {
    }

    /**
     * Resolves raw per-node segment lists into display paths, keeping each segment's class. A graph repeats a few
     * scopes over many nodes: each raw list instance is resolved once (conventions hand the nodes of one scope the
     * same instance), and its nodes share the resulting list.
     */
    static List<List<ScopeSegment>> resolve(List<List<ScopeSegment>> rawPaths) {
        Set<List<ScopeSegment>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<ScopeSegment>> inOrder = new ArrayList<>(); // the graph's order: neighbours share their prefixes
        List<ScopeSegment> previous = null;
        for (List<ScopeSegment> raw : rawPaths) {
            if (raw != previous && distinct.add(raw)) { // nodes of one scope come in runs
                inOrder.add(raw);
            }
            previous = raw;
        }
        Map<List<ScopeSegment>, List<ScopeSegment>> resolved = resolveDistinct(inOrder);
        List<List<ScopeSegment>> result = new ArrayList<>(rawPaths.size());
        List<ScopeSegment> previousRaw = null;
        List<ScopeSegment> previousResolved = null;
        for (List<ScopeSegment> raw : rawPaths) {
            if (raw != previousRaw) {
                previousRaw = raw;
                previousResolved = resolved.get(raw);
            }
            result.add(previousResolved);
        }
        return result;
    }

    /**
     * Each distinct raw path resolved. The qualified names of the whole graph, needed to recognise a repeated call,
     * are gathered only when some segment looks like one.
     */
    private static Map<List<ScopeSegment>, List<ScopeSegment>> resolveDistinct(List<List<ScopeSegment>> inOrder) {
        Map<List<ScopeSegment>, List<ScopeSegment>> resolved = new IdentityHashMap<>();
        walk(inOrder, true, resolved::put, null);
        return resolved;
    }

    /** The qualified name of every prefix of every path, its display names as written (no call merged). */
    private static Set<String> knownQualifiedNames(List<List<ScopeSegment>> paths) {
        Set<String> known = new HashSet<>();
        walk(paths, false, null, known);
        return known;
    }

    /**
     * Resolves the distinct paths in order and hands each to {@code resolved} (when not null). A level's resolution depends only on
     * the levels above it, so the levels a path shares with the one before it are taken over, segments included:
     * each distinct prefix is resolved about once. {@code mergeCalls}: a level that is a repeated call of a sibling
     * ({@code relu_1} beside {@code relu}) is named as a call of it ({@code relu#2}). {@code qualifiedNames}: when not null, receives
     * the qualified name of every level.
     */
    private static void walk(List<List<ScopeSegment>> inOrder, boolean mergeCalls,
                             BiConsumer<List<ScopeSegment>, List<ScopeSegment>> resolved, Set<String> qualifiedNames) {
        Set<String> known = null;
        List<ScopeSegment> previousRaw = List.of();
        List<ScopeSegment> levels = new ArrayList<>(); // the previous path, resolved
        List<String> qualified = new ArrayList<>(); // of each of its levels
        for (List<ScopeSegment> raw : inOrder) {
            int shared = 0;
            while (shared < raw.size() && shared < previousRaw.size()
                    && raw.get(shared).equals(previousRaw.get(shared))) {
                shared++;
            }
            levels.subList(shared, levels.size()).clear();
            qualified.subList(shared, qualified.size()).clear();
            String parent = shared == 0 ? "" : qualified.get(shared - 1);
            String parentDisplay = shared == 0 ? "" : levels.get(shared - 1).name();
            for (ScopeSegment s : raw.subList(shared, raw.size())) {
                String display = displayName(parent, parentDisplay, s.name());
                String called = mergeCalls ? repeatedCallOf(display) : null;
                if (called != null) {
                    known = known != null ? known : knownQualifiedNames(inOrder);
                    if (known.contains(join(parent, called))) {
                        display = ModulePath.callName(called, display.substring(called.length() + 1));
                    }
                }
                levels.add(new ScopeSegment(display, s.qualifiedClassName()));
                parent = join(parent, display);
                qualified.add(parent);
                if (qualifiedNames != null) {
                    qualifiedNames.add(parent);
                }
                parentDisplay = display;
            }
            if (resolved != null) {
                resolved.accept(raw, List.copyOf(levels));
            }
            previousRaw = raw;
        }
    }

    /**
     * {@code relu} for {@code relu_1}: the name before a final {@code _N}, as the pattern {@code (.+)_(\d+)} finds it
     * (only the last underscore can start an all-digit ending; {@code .} matches no line terminator); else null.
     * Written out because it runs once per scope segment of a large graph.
     */
    static String repeatedCallOf(String display) {
        int underscore = display.lastIndexOf('_');
        if (underscore < 1 || underscore == display.length() - 1) {
            return null;
        }
        for (int i = underscore + 1; i < display.length(); i++) {
            char c = display.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        for (int i = 0; i < underscore; i++) {
            char c = display.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return display.substring(0, underscore);
    }

    /** The part of {@code segment} that names the child: without the parent's qualified or own name in front. */
    static String displayName(String parentQualified, String parentDisplay, String segment) {
        for (String prefix : new String[] {parentQualified, parentDisplay}) {
            if (!prefix.isEmpty() && segment.length() > prefix.length() + 1 && segment.startsWith(prefix)
                    && segment.charAt(prefix.length()) == '.') {
                return segment.substring(prefix.length() + 1);
            }
        }
        return segment;
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
