package org.vaultgraph.vault;

/**
 * A file of the vault that is not a note (an image, a PDF, a base...).
 *
 * @param path vault-relative path with '/' separators
 * @param text the file's text when the vault reads it (a {@code .base} file's YAML); null for other files
 */
public record Attachment(String path, FileStamp file, String text) {

    public Attachment(String path, FileStamp file) {
        this(path, file, null);
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether the file is an Obsidian base ({@code .base}), whose text the graph keeps. */
    public boolean isBase() {
        return isBase(path);
    }

    public static boolean isBase(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".base");
    }
}
