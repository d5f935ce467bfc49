package org.vaultgraph.bases.syntax;

/**
 * A base that cannot be read: YAML that does not parse, an expression that does not parse, a function
 * that does not exist, formulas that use each other in a circle. The line is 1-based in the base's
 * text (0 when unknown), the column 1-based (0 when unknown).
 */
public final class BaseSyntaxException extends RuntimeException {
    private final int line;
    private final int column;

    public BaseSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
