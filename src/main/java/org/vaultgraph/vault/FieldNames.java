package org.vaultgraph.vault;

import org.vaultgraph.dql.value.Emoji;
import java.util.Locale;

/**
 * Dataview's canonical form of a field name ({@code canonicalizeVarName}): the name a query uses.
 *
 * <pre>{@code FieldNames.canonicalize("Date Created") // "date-created"}</pre>
 *
 * Emoji are kept; runs of letters, digits, '_' and '-' are lower-cased; a run of whitespace becomes
 * one '-'; any other character is dropped.
 */
public final class FieldNames {
    private FieldNames() {}

    public static String canonicalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int width = Character.charCount(cp);
            if (Emoji.isEmoji(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isLetter(cp) || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-') {
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else if (Character.isWhitespace(cp)) {
                while (i + width < name.length() && Character.isWhitespace(name.codePointAt(i + width))) {
                    i += width;
                    width = Character.charCount(name.codePointAt(i));
                }
                out.append('-');
            }
            i += width;
        }
        return out.toString();
    }
}
