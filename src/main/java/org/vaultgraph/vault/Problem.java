package org.vaultgraph.vault;

/**
 * One thing wrong in a vault, with the file and position it was found at.
 *
 * <pre>{@code Problem.at("Notes/a.md", 3, 1, "front matter is not valid YAML: ...")}</pre>
 *
 * @param path   vault-relative path of the file, with '/' separators
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what was expected and what was found, in plain words
 */
public record Problem(String path, int line, int column, String message) {

    public static Problem at(String path, int line, int column, String message) {
        return new Problem(path, line, column, message);
    }

    public static Problem inFile(String path, String message) {
        return new Problem(path, 0, 0, message);
    }

    /** The usual compiler form, {@code path:line:column: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(path);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) where.append(':').append(column);
        }
        return where + ": " + message;
    }
}
