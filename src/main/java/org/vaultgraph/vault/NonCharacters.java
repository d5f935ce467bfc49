package org.vaultgraph.vault;

/**
 * Unicode's non-characters (U+FDD0..U+FDEF and the last two code points of every plane): not for
 * interchange, and RDF parsers warn on them, so text that holds one is read with U+FFFD instead.
 *
 * <pre>{@code String safe = NonCharacters.replace("a\uFFFEb"); // "a\uFFFDb"}</pre>
 */
public final class NonCharacters {
    private NonCharacters() {
    }

    public static boolean is(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** The index of the first non-character in the text, or -1. */
    public static int indexIn(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (is(cp)) return i;
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** The text with each non-character replaced by U+FFFD (the text itself when it has none). */
    public static String replace(String text) {
        int first = indexIn(text);
        if (first < 0) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        text.substring(first).codePoints().forEach(cp -> out.appendCodePoint(is(cp) ? 0xFFFD : cp));
        return out.toString();
    }
}
