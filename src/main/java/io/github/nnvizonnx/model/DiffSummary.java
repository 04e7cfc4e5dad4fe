package io.github.nnvizonnx.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of a comparison of two models: modules and operations added, removed and changed, and the parameter
 * totals before and after. {@code oldName} and {@code newName} say which models were compared.
 */
public record DiffSummary(String oldName, String newName, int modulesAdded, int modulesRemoved, int modulesChanged,
                          int operationsAdded, int operationsRemoved, int operationsChanged, int otherChanges,
                          long parametersBefore, long parametersAfter) {

    /**
     * Whether the models draw the same: nothing added, removed or changed, inputs and outputs included
     * ({@code otherChanges} counts those).
     */
    public boolean identical() {
        return modulesAdded + modulesRemoved + modulesChanged + operationsAdded + operationsRemoved + operationsChanged
                + otherChanges == 0 && parametersBefore == parametersAfter;
    }

    /** The rows of a summary table: what is counted, added, removed, changed. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("modules", Integer.toString(modulesAdded), Integer.toString(modulesRemoved),
                Integer.toString(modulesChanged)));
        rows.add(List.of("operations", Integer.toString(operationsAdded), Integer.toString(operationsRemoved),
                Integer.toString(operationsChanged)));
        return rows;
    }

    /** The parameter totals, {@code 11.7M → 21.8M (+10.1M)}, or one total when equal. */
    public String parameterText() {
        if (parametersBefore == parametersAfter) {
            return DisplayText.humanCount(parametersAfter) + " (unchanged)";
        }
        long delta = parametersAfter - parametersBefore;
        return DisplayText.humanCount(parametersBefore) + " → " + DisplayText.humanCount(parametersAfter) + " ("
                + (delta > 0 ? "+" : "−") + DisplayText.humanCount(Math.abs(delta)) + ")";
    }

    /** One line: {@code modules: 8 added, 0 removed, 3 changed; operations: …; parameters: 11.7M → 21.8M (+10.1M)}. */
    public String line() {
        if (identical()) {
            return oldName + " and " + newName + " are identical";
        }
        return String.format(java.util.Locale.ROOT, "modules: %d added, %d removed, %d changed; operations: %d added, %d removed, %d changed;"
                        + " parameters: %s", modulesAdded, modulesRemoved, modulesChanged, operationsAdded,
                operationsRemoved, operationsChanged, parameterText());
    }
}
