package org.vaultgraph.dql.syntax;

/**
 * A query that does not parse: what was expected, what was found, and where (line and column in the query).
 */
public class DqlSyntaxException extends DqlException {
    private final int line;
    private final int column;
    private final int offset;

    public DqlSyntaxException(String message, int line, int column, int offset) {
        super(message);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** 1-based line within the query. */
    public int line() {
        return line;
    }

    /** 1-based column within that line. */
    public int column() {
        return column;
    }

    public int offset() {
        return offset;
    }

    @Override
    public String getMessage() {
        return "line " + line + ", column " + column + ": " + super.getMessage();
    }
}
