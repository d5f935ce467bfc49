package org.vaultgraph.dql.syntax;

import java.util.List;
import java.util.Map;

/**
 * The syntax tree of a Dataview query (DQL), as {@link DqlParser} reads it.
 *
 * <pre>{@code
 * Dql.Query q = DqlParser.parse("TABLE rating FROM #book SORT rating DESC");
 * q.header().type();   // TABLE
 * q.operations();      // [Sort[...]]
 * }</pre>
 */
public final class Dql {
    private Dql() {}

    public enum QueryType { TABLE, LIST, TASK, CALENDAR }

    /** A whole query: what it shows, where its pages come from, and the commands that follow, in order. */
    public record Query(Header header, Source source, List<Operation> operations) {}

    /**
     * What the query shows. For TABLE, {@code fields} are its columns; for LIST, {@code fields} holds the
     * one expression shown after each page, if any.
     */
    public record Header(QueryType type, boolean showId, List<NamedExpr> fields) {}

    /** An expression with the name it is shown under (its {@code AS} name, else its text). */
    public record NamedExpr(String name, Expr expr) {}

    // --- Sources (FROM) -------------------------------------------------------------------------

    public sealed interface Source {}

    /** {@code #tag}: pages with this tag or a tag below it. */
    public record TagSource(String tag) implements Source {}

    /** {@code "Folder"}: pages in this folder or below ("" is the whole vault), or the file of that path. */
    public record FolderSource(String folder) implements Source {}

    /** {@code [[Note]]} (incoming: pages linking to it) or {@code outgoing([[Note]])}; "" is the current note. */
    public record LinkSource(String target, boolean incoming) implements Source {}

    /** {@code csv("file.csv")}. */
    public record CsvSource(String path) implements Source {}

    /** {@code -source} or {@code !source}: every page but those. */
    public record NegatedSource(Source child) implements Source {}

    /** {@code a and b}, {@code a or b}. */
    public record BinarySource(boolean and, Source left, Source right) implements Source {}

    // --- Operations ------------------------------------------------------------------------------

    public sealed interface Operation {}

    public record Where(Expr condition) implements Operation {}

    public record SortKey(Expr expr, boolean ascending) {}

    public record Sort(List<SortKey> keys) implements Operation {}

    public record Limit(Expr amount) implements Operation {}

    public record GroupBy(NamedExpr key) implements Operation {}

    public record Flatten(NamedExpr value) implements Operation {}

    // --- Expressions -----------------------------------------------------------------------------

    public sealed interface Expr {}

    /** A constant: number, string, boolean, null, date, duration or link. */
    public record Literal(org.vaultgraph.dql.value.Value value) implements Expr {}

    /** A name: a field of the page ({@code rating}), {@code file}, {@code this}, {@code row}, or a lambda's argument. */
    public record Variable(String name) implements Expr {}

    /** {@code object.key} or {@code object[key]}. */
    public record Index(Expr object, Expr key) implements Expr {}

    /** {@code function(arguments)}; the function is usually a variable naming a built-in. */
    public record Call(Expr function, List<Expr> arguments) implements Expr {}

    /** {@code left op right}; op is one of {@code + - * / % = != < > <= >= & |}. */
    public record Binary(String op, Expr left, Expr right) implements Expr {}

    /** {@code !value}. */
    public record Negated(Expr value) implements Expr {}

    /** {@code [a, b, c]}. */
    public record ListExpr(List<Expr> items) implements Expr {}

    /** {@code { a: 1, b: 2 }}. */
    public record ObjectExpr(Map<String, Expr> entries) implements Expr {}

    /** {@code (x, y) => body}. */
    public record Lambda(List<String> arguments, Expr body) implements Expr {}
}
