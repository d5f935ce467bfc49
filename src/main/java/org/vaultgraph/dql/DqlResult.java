package org.vaultgraph.dql;

import java.util.List;

/**
 * The result of a Dataview query: what it shows and its rows.
 *
 * @param headers column names; for LIST, the one expression shown after each page, if any
 * @param rows    each page's link ({@code id}) and the value of each column
 * @param sparql  the SPARQL the query was compiled to
 */
public record DqlResult(Dql.QueryType type, boolean showId, String idHeader, List<String> headers, List<Row> rows, String sparql) {

    public record Row(DqlValue.LinkValue id, List<DqlValue> values) {}
}
