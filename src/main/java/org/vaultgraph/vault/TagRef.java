package org.vaultgraph.vault;

/**
 * A tag of a note, without its '#', as written (case kept), e.g. "research/spine".
 *
 * @param line        1-based line of the note; front matter tags carry the line of their key
 * @param frontMatter whether it was written in the front matter ({@code tags:}) rather than the text
 */
public record TagRef(String name, int line, boolean frontMatter) {}
