package org.vaultgraph.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.QueryException;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.render.Html;

/**
 * The page at {@code /}: what is served, how to query it, the example queries and the tag pages.
 *
 * @param vaultName name of the vault folder
 * @param notes     how many notes were loaded
 * @param triples   how many quads the store holds
 * @param base      the vault's base IRI, against which the example queries resolve
 */
public record LandingPage(String vaultName, int notes, long triples, String base) {

    static final LandingPage EMPTY = new LandingPage("", 0, 0, "http://127.0.0.1:3030/");

    /** @param origin the server's address as the browser reached it, e.g. {@code http://127.0.0.1:3030} */
    String html(String origin, Map<String, String> tagPages) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>vaultgraph: ")
                .append(Html.text(vaultName)).append("</title>").append(Pages.STYLE).append("</head><body>\n");
        out.append("<h1>vaultgraph</h1>\n<p>Serving the vault <b>").append(Html.text(vaultName)).append("</b>: ")
                .append(notes).append(" notes, ").append(triples).append(" triples, each note in a named graph of its own; ")
                .append("the default graph is their union. Read-only.</p>\n");
        out.append("<h2>SPARQL</h2>\n<p>Endpoint: <code>/vault/sparql</code> (SPARQL 1.1 Protocol, GET and POST). ")
                .append("Graph Store reads: <code>/vault/get</code>.</p>\n")
                .append("<pre>curl -s ").append(Html.text(origin)).append("/vault/sparql --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 10'</pre>\n");
        out.append("<h2>Example queries</h2>\n<ul>\n");
        for (QueryFile file : QueryCatalog.bundled()) {
            out.append("<li><a href=\"").append(Html.attribute(queryLink(file))).append("\">").append(Html.text(file.name()))
                    .append("</a>: ").append(Html.text(summary(file))).append("</li>\n");
        }
        out.append("</ul>\n<h2>Tag pages</h2>\n<ul>\n");
        tagPages.forEach((permalink, path) -> out.append("<li><a href=\"").append(Html.attribute(permalink)).append("\">")
                .append(Html.text(path)).append("</a></li>\n"));
        out.append("</ul>\n</body></html>\n");
        return out.toString();
    }

    /** A link that runs the query on the endpoint, with its example parameter values, answering as a text table. */
    private String queryLink(QueryFile file) {
        try {
            String query = file.bind(base, file.examples()).serialize();
            return "/vault/sparql?output=text&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        } catch (QueryException e) {
            return "#";
        }
    }

    /** The first comment line of a query file: what it is for. */
    private static String summary(QueryFile file) {
        List<String> lines = file.text().lines().toList();
        for (String line : lines) {
            if (line.startsWith("#") && line.length() > 2) return line.substring(1).strip();
        }
        return "";
    }
}
