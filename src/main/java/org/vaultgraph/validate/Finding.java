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
 * @param missing  for a link whose target is not in the vault, what it names (the report groups such links
 *                 by target); null for every other finding
 */
public record Finding(String path, int line, int column, Severity severity, String message, String fix, Missing missing) {

    public Finding(String path, int line, int column, Severity severity, String message, String fix) {
        this(path, line, column, severity, message, fix, null);
    }

    /** How bad a finding is: errors fail {@code validate}, warnings only with {@code --strict}. */
    public enum Severity {
        ERROR, WARNING, INFO;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A link target that is not in the vault.
     *
     * @param kind    what the link asks for: a note to write, a file to add, or a note it names by an alias
     * @param name    the target as written, without {@code .md} for a note: links with the same name (in any
     *                case) and kind are one group
     * @param written the link as written, its heading or block included ({@code [[Example#Details]]})
     * @param plain   the link as written without its heading or block ({@code [[Example]]})
     * @param fix     what to do, for every link of the group
     */
    public record Missing(Kind kind, String name, String written, String plain, String fix) {
        /** What a missing link target is. */
        public enum Kind { FILE, ALIAS, NOTE }

        String key() {
            return kind + "\u0000" + name.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where, in words: "line 4, column 2", "line 4", or "" for the whole note. */
    String where() {
        if (line <= 0) return "";
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }
}
