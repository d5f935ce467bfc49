package org.vaultgraph.validate;

/**
 * One thing {@code validate} found in a vault: where, how bad, what is wrong, and how to fix it.
 *
 * @param path     vault-relative path of the note
 * @param line     1-based line, or 0 when the finding concerns the whole note
 * @param column   1-based column, or 0 when unknown
 * @param severity how bad it is
 * @param message  what is wrong, in plain words
 * @param fix      what to change in the note, or "" when there is no advice
 */
public record Finding(String path, int line, int column, Severity severity, String message, String fix) {

    /** How bad a finding is: errors fail {@code validate}, warnings only with {@code --strict}. */
    public enum Severity {
        ERROR, WARNING, INFO;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where, in words: "line 4, column 2", "line 4", or "" for the whole note. */
    String where() {
        if (line <= 0) return "";
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }
}
