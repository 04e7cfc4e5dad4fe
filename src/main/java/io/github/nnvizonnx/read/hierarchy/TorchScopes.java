package io.github.nnvizonnx.read.hierarchy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyTorch's scope rules, shared by the TorchScript and dynamo conventions. A scope segment is either relative to its
 * parent ({@code conv1} under {@code layer1.0}) or repeats the parent's qualified name as a prefix ({@code layer1.0}
 * under {@code layer1}); both give the qualified name {@code layer1.0.conv1} and the display name is what follows the
 * parent's name. A second call of the same module gets a {@code _N} suffix ({@code relu_1}); it is recognised as such
 * only when its sibling without the suffix exists in the same graph, so a module really named {@code conv_1} stays.
 */
final class TorchScopes {
    private static final Pattern REPEATED_CALL = Pattern.compile("(.+)_(\\d+)");

    private TorchScopes() {
    }

    /** Resolves raw per-node segment lists into display paths, keeping each segment's class. */
    static List<List<ScopeSegment>> resolve(List<List<ScopeSegment>> rawPaths) {
        Set<String> known = new HashSet<>();
        for (List<ScopeSegment> raw : rawPaths) {
            String q = "";
            for (ScopeSegment s : raw) {
                q = qualify(q, s.name());
                known.add(q);
            }
        }
        List<List<ScopeSegment>> result = new ArrayList<>(rawPaths.size());
        for (List<ScopeSegment> raw : rawPaths) {
            result.add(resolveOne(raw, known));
        }
        return result;
    }

    private static List<ScopeSegment> resolveOne(List<ScopeSegment> raw, Set<String> known) {
        List<ScopeSegment> path = new ArrayList<>(raw.size());
        String parent = "";
        for (ScopeSegment s : raw) {
            String name = s.name();
            Matcher m = REPEATED_CALL.matcher(name);
            if (m.matches() && known.contains(qualify(parent, m.group(1)))) {
                name = m.group(1);
            }
            String qualified = qualify(parent, name);
            String display = parent.isEmpty() ? qualified : qualified.substring(parent.length() + 1);
            path.add(new ScopeSegment(display, s.qualifiedClassName()));
            parent = qualified;
        }
        return path;
    }

    static String qualify(String parent, String segment) {
        if (parent.isEmpty()) {
            return segment;
        }
        if (segment.startsWith(parent + ".") && segment.length() > parent.length() + 1) {
            return segment;
        }
        return parent + "." + segment;
    }
}
