package org.vaultgraph.vault;

/**
 * A link as written in a note: {@code [[Target#Heading|alias]]}, {@code ![[embed]]} or {@code [text](path.md)}.
 *
 * @param target  the link path as written, without subpath (e.g. "Research/Tags/L4-L5" or "L4-L5");
 *                empty for a link to a heading of the same note
 * @param subpath "#Heading" or "#^block", or "" when there is none
 * @param display the alias or markdown link text, or null when none was written
 * @param embed   true for {@code ![[...]]} and {@code ![...](...)}
 * @param syntax  which syntax the link was written in
 * @param line    1-based line of the note where the link starts
 * @param column  1-based column where the link starts
 */
public record Link(String target, String subpath, String display, boolean embed, Syntax syntax, int line, int column) {

    public enum Syntax { WIKI, MARKDOWN, FRONT_MATTER }

    public static Link wiki(String target, String subpath, String display, boolean embed, int line, int column) {
        return new Link(target, subpath, display, embed, Syntax.WIKI, line, column);
    }
}
