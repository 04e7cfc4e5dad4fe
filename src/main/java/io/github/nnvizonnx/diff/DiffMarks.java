package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.Change;
import io.github.nnvizonnx.model.ChangeKind;
import io.github.nnvizonnx.model.ChangeMarks;
import io.github.nnvizonnx.model.DiffSummary;
import io.github.nnvizonnx.model.Module;
import io.github.nnvizonnx.model.ModuleNode;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The marks of a merged model ({@link MergedGraph}) as a drawing of it asks for them: a node's own change, a
 * collapsed module's summed up from what changed inside it ({@code 2 added, 3 changed}), a folded box's from all its
 * members. Paths are the merged model's; {@link #within} reads them under a layer drawn alone.
 */
final class DiffMarks implements ChangeMarks {
    private final Map<String, Change> nodes;
    private final Map<ModulePath, Change> ownModules;
    /** By module path: the operations added, removed and changed inside it, at any depth. */
    private final Map<ModulePath, int[]> inside;
    private final DiffSummary summary;
    private final ModulePath layer;

    DiffMarks(Map<String, Change> nodes, Map<ModulePath, Change> ownModules, Map<ModulePath, int[]> inside,
              DiffSummary summary, ModulePath layer) {
        this.nodes = nodes;
        this.ownModules = ownModules;
        this.inside = inside;
        this.summary = summary;
        this.layer = layer;
    }

    @Override
    public Change ofNode(Node node) {
        if (node instanceof ModuleNode m) {
            return ofMembers(members(m.module()), true);
        }
        return nodes.get(node.id());
    }

    @Override
    public Change ofBox(Module box) {
        return ofMembers(members(box), box.fold() != null);
    }

    @Override
    public DiffSummary summary() {
        return summary;
    }

    @Override
    public ChangeMarks within(ModulePath drawnLayer) {
        return new DiffMarks(nodes, ownModules, inside, summary, drawnLayer);
    }

    @Override
    public Change ofModule(ModulePath path) {
        return ofMembers(List.of(path), true);
    }

    private static List<ModulePath> members(Module module) {
        return module.fold() == null ? List.of(module.path()) : module.fold().members();
    }

    /**
     * The change of a module, or of the run of modules {@code members} drawn as one: the first one's own change when
     * added or removed (a run is folded only where its members' changes are equal); else what changed inside them
     * ({@code withInside}) and in the first itself.
     */
    private Change ofMembers(List<ModulePath> members, boolean withInside) {
        ModulePath first = full(members.get(0));
        Change own = ownModules.get(first);
        if (own != null && own.kind() != ChangeKind.CHANGED) {
            return own;
        }
        List<String> parts = new ArrayList<>();
        if (withInside) {
            int[] counts = new int[3];
            for (ModulePath member : members) {
                int[] memberCounts = inside.get(full(member));
                if (memberCounts != null) {
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] += memberCounts[i];
                    }
                }
            }
            ChangeKind[] kinds = ChangeKind.values();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    parts.add(counts[i] + " " + kinds[i].word());
                }
            }
        }
        if (own != null && !own.detail().isEmpty()) {
            parts.add(own.detail());
        }
        return parts.isEmpty() ? null : new Change(ChangeKind.CHANGED, String.join(", ", parts));
    }

    private ModulePath full(ModulePath drawn) {
        return layer == null ? drawn : layer.append(drawn);
    }
}
