package io.github.nnvizonnx.model;

import java.util.List;

/**
 * A run of consecutive sibling modules of identical structure drawn once, as its first member with "×N": the
 * {@code encoder.layer.0–11 ×12} of a BERT encoder. {@code members} are the folded modules' paths in order (the
 * first is the one drawn); {@code rangeTitle} names them all ({@code layer.0–11}).
 */
public record Fold(List<ModulePath> members, String rangeTitle) {
    public Fold {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a fold has two members or more");
        }
    }

    /** How many modules the fold stands for. */
    public int count() {
        return members.size();
    }

    /** The text drawn after a folded module's name: {@code ×12}. */
    public String countText() {
        return "×" + members.size();
    }

    /** The members' full paths as a range: {@code encoder.layer.0–11}. */
    public String qualifiedRange() {
        return range(members.get(0).dotted(), members.get(members.size() - 1).dotted());
    }

    /**
     * The range of titles from {@code first} to {@code last}: {@code layer.0–11} when both end in a number after the
     * same text, else {@code first…last}.
     */
    public static String range(String first, String last) {
        int firstDigits = trailingDigits(first);
        int lastDigits = trailingDigits(last);
        String firstStem = first.substring(0, first.length() - firstDigits);
        if (firstDigits > 0 && lastDigits > 0 && firstStem.equals(last.substring(0, last.length() - lastDigits))) {
            return first + "–" + last.substring(firstStem.length());
        }
        return first + "…" + last;
    }

    private static int trailingDigits(String s) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(s.length() - 1 - n))) {
            n++;
        }
        return n;
    }
}
