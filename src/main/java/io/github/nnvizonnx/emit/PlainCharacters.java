package io.github.nnvizonnx.emit;

/**
 * Which characters the text formats leave as they are; every other one becomes the format's entity through
 * {@link io.github.nnvizonnx.model.DisplayText#escape}, the one escaper of the project.
 */
final class PlainCharacters {
    private PlainCharacters() {
    }

    /** ASCII letters and digits, or one of {@code marks}. */
    static boolean isAsciiPlain(int cp, String marks) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                || marks.indexOf(cp) >= 0;
    }

    /** Letters and digits beyond ASCII, excluding invisible formatting characters such as bidi overrides. */
    static boolean isVisibleLetterOrDigit(int cp) {
        return Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.FORMAT;
    }
}
