package org.vaultgraph.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.QueryException;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.render.Html;
import org.vaultgraph.render.Json;

/**
 * The page at {@code /}: a SPARQL editor (YASGUI) with one tab per bundled query, what is served,
 * a link to the graph, and the tag pages.
 *
 * @param vaultName  name of the vault folder
 * @param notes      how many notes the graph holds now
 * @param base       the vault's base IRI, against which the example queries resolve
 * @param lastChange when the graph last changed, for a server that follows the vault; else null
 */
public record LandingPage(String vaultName, IntSupplier notes, String base, Supplier<Instant> lastChange) {

    static final LandingPage EMPTY = new LandingPage("", () -> 0, "http://127.0.0.1:3030/", null);

    /** A page for a graph that does not change while served. */
    public LandingPage(String vaultName, int notes, String base) {
        this(vaultName, () -> notes, base, null);
    }

    /** @param origin the server's address as the browser reached it, e.g. {@code http://127.0.0.1:3030} */
    String html(String origin, Map<String, String> tagPages, Map<String, String> basePages) {
        StringBuilder out = new StringBuilder(Pages.head("vaultgraph: " + vaultName));
        out.append("<link rel=\"stylesheet\" href=\"").append(StaticFiles.YASGUI_CSS).append("\">\n")
                .append("<style>body{max-width:90rem}</style>\n");
        out.append("<h1>vaultgraph</h1>\n<p>Serving the vault <b>").append(Html.text(vaultName)).append("</b>: ")
                .append(notes.getAsInt()).append(" notes, each in a named graph of its own; ")
                .append("the default graph is their union. Read-only.");
        if (lastChange != null) {
            out.append(" Following the vault's files; the graph last changed at ").append(Html.text(lastChange.get().toString())).append('.');
        }
        out.append("</p>\n");
        out.append("<div id=\"yasgui\"></div>\n");
        out.append("<script type=\"application/json\" id=\"vaultgraph-queries\">").append(queriesJson()).append("</script>\n");
        out.append("<script src=\"").append(StaticFiles.YASGUI_JS).append("\"></script>\n");
        out.append("<script>").append(EDITOR_SCRIPT).append("</script>\n");
        out.append("<noscript><p>The SPARQL editor needs JavaScript; the endpoint works without it.</p></noscript>\n");

        out.append("<h2>SPARQL endpoint</h2>\n<p><code>/vault/sparql</code> (SPARQL 1.1 Protocol, GET and POST). ")
                .append("Graph Store reads: <code>/vault/get</code>. Every IRI of the vault dereferences on this server ")
                .append("(Turtle, JSON-LD, N-Triples, RDF/XML or HTML); the ontology is at <a href=\"/ns\"><code>/ns</code></a>.</p>\n")
                .append("<pre>curl -s ").append(Html.text(origin)).append("/vault/sparql --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 10'</pre>\n");
        out.append("<h2>Graph</h2>\n<p><a href=\"").append(GraphPages.PAGE)
                .append("\">The vault as a graph</a>: notes coloured by class, sized by their links; each note's neighbourhood too.</p>\n");
        out.append("<h2>Example queries</h2>\n<p>The editor above has a tab for each; these links run them and answer as text. ")
                .append("Those that answer on any vault come first; the rest are written for a vault mapped as the sample research vault is.</p>\n<ul>\n");
        for (QueryFile file : QueryCatalog.bundled()) {
            out.append("<li><a href=\"").append(Html.attribute(queryLink(file))).append("\">").append(Html.text(file.name()))
                    .append("</a>: ").append(Html.text(file.description())).append("</li>\n");
        }
        out.append("</ul>\n<h2>Tag pages</h2>\n<ul>\n");
        tagPages.forEach((permalink, path) -> out.append("<li><a href=\"").append(Html.attribute(permalink)).append("\">")
                .append(Html.text(path)).append("</a></li>\n"));
        out.append("</ul>\n");
        if (!basePages.isEmpty()) {
            out.append("<h2>Bases</h2>\n<p>Every view of each base file, as Obsidian's Bases draw them.</p>\n<ul>\n");
            basePages.forEach((permalink, path) -> out.append("<li><a href=\"").append(Html.attribute(permalink)).append("\">")
                    .append(Html.text(path)).append("</a></li>\n"));
            out.append("</ul>\n");
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    /**
     * Starts YASGUI on this server's endpoint with one tab per bundled query. Nothing is kept in the
     * browser between visits, and only the editor's local completions are on (the others ask
     * third-party services).
     */
    static final String EDITOR_SCRIPT = """
            (function () {
              var queries = JSON.parse(document.getElementById("vaultgraph-queries").textContent);
              var endpoint = location.origin + "/vault/sparql";
              var yasgui = new Yasgui(document.getElementById("yasgui"), {
                requestConfig: { endpoint: endpoint, method: "POST" },
                endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
                copyEndpointOnNewTab: true,
                persistenceId: null,
                yasqe: { autocompleters: ["prefixes", "variables"] }
              });
              queries.forEach(function (q, i) {
                if (i === 0) yasgui.getTab().setQuery(q.query).setName(q.name);
                else yasgui.addTab(false, { name: q.name, yasqe: { value: q.query } });
              });
              window.vaultgraphEditor = yasgui;
            })();
            """;

    /**
     * The bundled queries as the editor's tabs show them, in the catalog's order (those for any vault
     * first): their comments, then the query with its example values.
     */
    private String queriesJson() {
        List<Map<String, String>> tabs = new ArrayList<>();
        for (QueryFile file : QueryCatalog.bundled()) {
            try {
                Map<String, String> tab = new LinkedHashMap<>();
                tab.put("name", file.name().replaceFirst("\\.rq$", ""));
                tab.put("query", headerComment(file) + file.bind(base, file.examples()).serialize());
                tabs.add(tab);
            } catch (QueryException e) {
                // A query without example values cannot run as it is; its file is still listed below.
            }
        }
        // Inside <script>, "</" must not appear; "<\/" is the same JSON string.
        return Json.write(tabs).replace("</", "<\\/");
    }

    private static String headerComment(QueryFile file) {
        StringBuilder out = new StringBuilder();
        for (String line : file.text().lines().toList()) {
            if (!line.startsWith("#")) break;
            out.append(line).append('\n');
        }
        return out.length() == 0 ? "" : out.append('\n').toString();
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
}
