package org.vaultgraph.vault;

/**
 * One thing wrong in a vault, with the file and position it was found at.
 *
 * <pre>{@code Problem.at("Notes/a.md", 3, 1, "front matter is not valid YAML: ...")}</pre>
 *
 * @param path    vault-relative path of the file, with '/' separators
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param message what was expected and what was found, in plain words
 * @param minor   true when the file was read whole and only this detail was left out (a web link that
 *                is no address, a symbolic link not followed): {@code validate} warns instead of failing
 */
public record Problem(String path, int line, int column, String message, boolean minor) {

    public Problem(String path, int line, int column, String message) {
        this(path, line, column, message, false);
    }

    public static Problem at(String path, int line, int column, String message) {
        return new Problem(path, line, column, message);
    }

    public static Problem inFile(String path, String message) {
        return new Problem(path, 0, 0, message);
    }

    /** A detail left out of a file that was otherwise read whole. */
    public static Problem minor(String path, int line, int column, String message) {
        return new Problem(path, line, column, message, true);
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
