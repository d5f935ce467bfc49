package org.vaultgraph.dql;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a Dataview expression compiles to, before it is used as a value, a list, a column or a key.
 */
sealed interface Val {

    /**
     * One value (or null): a SPARQL expression. {@code isList} is a SPARQL boolean telling whether the
     * value is in fact a Dataview list (a field written as a list), in which case {@code expr} is unbound.
     */
    record One(String expr, String isList) implements Val {
        static One of(String expr) {
            return new One(expr, "false");
        }

        static One nullValue() {
            return new One("?__null", "false");
        }
    }

    /**
     * The elements a graph pattern finds, {@code subject path ?e}, each shown as {@code element(?e)}
     * (and kept when {@code filter(?e)} holds, "" for all).
     */
    record Elements(String subject, String path, UnaryOperator<String> element, UnaryOperator<String> filter, Kind kind,
                    String predicate) implements Val {

        enum Kind {
            /** Always a list, such as file.tags. */
            ALWAYS,
            /** A page's field: a list only when the note writes it as one (vg:listField). */
            FIELD,
            /** A field reached through links (source.year): one value or several. */
            CHAIN
        }

        Elements map(UnaryOperator<String> f) {
            UnaryOperator<String> e = element;
            return new Elements(subject, path, x -> f.apply(e.apply(x)), filter, kind == Kind.FIELD ? Kind.CHAIN : kind, predicate);
        }
    }

    /** A list written in the query, its items known when compiling. */
    record Items(List<One> items) implements Val {}

    /** A page: its link is the subject; its fields are reached with '.'. */
    record Page(String subject) implements Val {}

    /** The {@code file} object of a page. */
    record FileOf(String subject) implements Val {}

    /** After GROUP BY, {@code rows}: the pages of the group. */
    record Rows() implements Val {}

    /** After GROUP BY, {@code rows.x}: x for each page of the group, evaluated per page. */
    record RowValues(Val perRow) implements Val {}

    /** {@code (x) => body}, for map() and filter(). */
    record Lambda(List<String> parameters, Dql.Expr body) implements Val {}
}
