package org.vaultgraph.vault;

import org.vaultgraph.dql.value.Emoji;
import java.util.function.Consumer;

/**
 * Finds Obsidian {@code #tags} in text: after a line start or whitespace, letters, digits, '_', '-',
 * '/' (nesting) and emoji, with at least one character that is not a digit ({@code #2025} is no tag).
 *
 * <pre>{@code Tags.scan(text, lines, out) // "see #research/spine" adds "research/spine"}</pre>
 */
final class Tags {
    private Tags() {}

    static void scan(CharSequence text, LineIndex lines, Consumer<TagRef> out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '#' || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)))) continue;
            int end = i + 1;
            while (end < n) {
                int cp = Character.codePointAt(text, end);
                if (!isTagChar(cp)) break;
                end += Character.charCount(cp);
            }
            String name = text.subSequence(i + 1, end).toString();
            if (hasNonDigit(name)) out.accept(new TagRef(name, lines.line(i), false));
            i = end - 1;
        }
    }

    static boolean isTagChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '/' || Emoji.isEmoji(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static boolean hasNonDigit(String name) {
        return name.chars().anyMatch(c -> c < '0' || c > '9');
    }

    /** Whether a tag from front matter or a field would also be a valid body tag. */
    static boolean isValidName(String name) {
        return !name.isEmpty() && hasNonDigit(name) && name.codePoints().allMatch(Tags::isTagChar);
    }
}
