package org.vaultgraph.vault;

import java.util.Arrays;

/**
 * A copy of a note's text in which regions that hold no links, tags or fields (front matter, code,
 * math, comments) are blanked out, keeping every offset and line break where it was.
 *
 * <pre>{@code
 * MaskedText masked = new MaskedText(text);
 * masked.blank(start, end);      // code span, comment...
 * masked.isBlanked(offset);      // was that character hidden?
 * }</pre>
 */
final class MaskedText implements CharSequence {
    private final char[] chars;
    private final boolean[] blanked;

    MaskedText(String text) {
        chars = text.toCharArray();
        blanked = new boolean[chars.length];
    }

    private MaskedText(char[] chars, boolean[] blanked) {
        this.chars = chars;
        this.blanked = blanked;
    }

    MaskedText copy() {
        return new MaskedText(Arrays.copyOf(chars, chars.length), Arrays.copyOf(blanked, blanked.length));
    }

    /** Replaces [start, end) by spaces, keeping line breaks. */
    void blank(int start, int end) {
        int to = Math.min(end, chars.length);
        for (int i = Math.max(0, start); i < to; i++) {
            if (chars[i] != '\n') chars[i] = ' ';
            blanked[i] = true;
        }
    }

    boolean isBlanked(int offset) {
        return offset >= 0 && offset < blanked.length && blanked[offset];
    }

    @Override
    public int length() {
        return chars.length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
