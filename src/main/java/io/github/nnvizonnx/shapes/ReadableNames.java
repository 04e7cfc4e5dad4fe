package io.github.nnvizonnx.shapes;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a drawing gives free dims. A file's own name is kept when it is made of words ({@code batch_size},
 * {@code sequence_length}, {@code N}); what exporters generate ({@code Addoutput_0_dim_1},
 * {@code p2o.DynamicDimension.0}, {@code unk__123}, {@code input_dynamic_axes_1}) carries digits or dots and is
 * replaced by the dim's role ({@code N}, {@code H}, {@code W}, {@code sequence}, {@code samples}) or by
 * {@code d0}, {@code d1}, ... Every name is given once.
 */
final class ReadableNames {
    /** Letters, words joined by underscores; nothing an exporter numbers. */
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]+(_[A-Za-z]+)*");
    private static final int MAX_LENGTH = 24;

    private final Set<String> taken = new HashSet<>();
    private int numbered;

    static boolean isReadable(String name) {
        return name != null && name.length() <= MAX_LENGTH && WORDS.matcher(name).matches()
                && !name.toLowerCase(java.util.Locale.ROOT).contains("dynamic");
    }

    /** Keeps {@code declared} for the dim that first uses it, before roles are handed out. */
    void reserve(String declared) {
        if (isReadable(declared)) {
            taken.add(declared);
        }
    }

    /** {@code role} when free, else the next {@code dN}; for a dim whose file name was reserved, that name. */
    String name(String reserved, String role) {
        return reserved != null ? reserved : fresh(role);
    }

    /** {@code role} when free, else the next {@code dN}. */
    private String fresh(String role) {
        if (role != null && taken.add(role)) {
            return role;
        }
        String next;
        do {
            next = "d" + numbered++;
        } while (!taken.add(next));
        return next;
    }
}
