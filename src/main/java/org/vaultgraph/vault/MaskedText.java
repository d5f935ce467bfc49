package org.vaultgraph.vault;

import java.util.BitSet;

/**
 * A view of a note's text in which regions that hold no links, tags or fields (front matter, code,
 * math, comments) are blanked out, keeping every offset and line break where it was.
 *
 * <pre>{@code
 * MaskedText masked = new MaskedText(text);
 * masked.blank(start, end);      // code span, comment...
 * masked.isBlanked(offset);      // was that character hidden?
 * }</pre>
 *
 * It shares the text and keeps one bit per character, so that a view and its copies cost a small
 * fraction of the text's own size, however large the note.
 */
final class MaskedText implements CharSequence {
    private final String text;
    private final BitSet blanked;

    MaskedText(String text) {
        this(text, new BitSet(text.length()));
    }

    private MaskedText(String text, BitSet blanked) {
        this.text = text;
        this.blanked = blanked;
    }

    MaskedText copy() {
        return new MaskedText(text, (BitSet) blanked.clone());
    }

    /** Replaces [start, end) by spaces, keeping line breaks. */
    void blank(int start, int end) {
        int from = Math.max(0, start);
        int to = Math.min(end, text.length());
        if (from < to) blanked.set(from, to);
    }

    boolean isBlanked(int offset) {
        return offset >= 0 && offset < text.length() && blanked.get(offset);
    }

    /** The first index at or after {@code from} where {@code pair} (two characters) is written, or -1. */
    int indexOf(String pair, int from) {
        char first = pair.charAt(0);
        char second = pair.charAt(1);
        for (int i = Math.max(0, from); i + 1 < text.length(); i++) {
            if (charAt(i) == first && charAt(i + 1) == second) return i;
        }
        return -1;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        char c = text.charAt(index);
        return c != '\n' && blanked.get(index) ? ' ' : c;
    }

    @Override
    public String subSequence(int start, int end) {
        int firstBlank = blanked.nextSetBit(start);
        if (firstBlank < 0 || firstBlank >= end) return text.substring(start, end);
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) out[i - start] = charAt(i);
        return new String(out);
    }

    @Override
    public String toString() {
        return subSequence(0, text.length());
    }
}
