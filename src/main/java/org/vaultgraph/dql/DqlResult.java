package org.vaultgraph.dql;

import java.util.List;

/**
 * The result of a Dataview query: what it shows and its rows.
 *
 * @param idHeader the name of the id column: "File", or after GROUP BY the group's name
 * @param headers  column names; for LIST, the one expression shown after each item, if any
 * @param rows     each row's id (a page link, or a group's key) and the value of each column
 * @param sparql   the SPARQL the query was compiled to
 */
public record DqlResult(Dql.QueryType type, boolean showId, String idHeader, List<String> headers, List<Row> rows, String sparql) {

    public record Row(DqlValue id, List<DqlValue> values) {}
}
