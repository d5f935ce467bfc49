package org.vaultgraph.bases;

/**
 * A base that cannot run, said in one line with the file it is written in and the line: YAML that
 * does not parse, an unknown function, a formula cycle, a view that does not exist.
 *
 * <pre>{@code Research/Books.base:4:7: unknown function 'hasTagz'}</pre>
 */
public final class BaseException extends RuntimeException {
    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    public BaseException(String path, int line, int column, String reason) {
        super(location(path, line, column) + reason);
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String location(String path, int line, int column) {
        return path + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without where. */
    public String reason() {
        return reason;
    }
}
