package org.vaultgraph.vault;

/**
 * A fenced code block of a note.
 *
 * @param language the first word of the info string ("dataview", "java"...), or "" when none
 * @param content  the block's text between the fences
 * @param line     1-based line of the opening fence
 * @param contentLine 1-based line of the first content line
 */
public record CodeBlock(String language, String content, int line, int contentLine) {}
