package org.vaultgraph.dql.value;

/**
 * Headings as Dataview normalises them in links: letters, digits, '_', '-' and emoji kept, every other
 * character a space, runs of spaces collapsed, ends trimmed ({@code "A: b!"} gives {@code "A b"}).
 */
final class Headings {
    private Headings() {}

    public static String normalize(String heading) {
        StringBuilder out = new StringBuilder(heading.length());
        for (int i = 0; i < heading.length(); ) {
            int cp = heading.codePointAt(i);
            boolean keep = Character.isLetter(cp) || Character.isDigit(cp) && cp < 128 || cp == '_' || cp == '-' || Emoji.isEmoji(cp);
            out.append(keep ? new String(Character.toChars(cp)) : " ");
            i += Character.charCount(cp);
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
