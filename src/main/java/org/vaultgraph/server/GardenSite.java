package org.vaultgraph.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.render.Html;

/**
 * The vault as a garden on the local server: each note's page (the note rendered, its tags, classes
 * and fields, the notes that link to it), a page per tag, folder and class, and an index of them all
 * with their counts. One instance per snapshot of the graph; everything from notes is escaped or
 * cleaned.
 *
 * <pre>{@code GardenSite site = new GardenSite(publisher, sparql, iris, prefixes); site.note("Research/Overview.md");}</pre>
 */
final class GardenSite {
    /** The most notes a tag, folder or class page lists. */
    static final int LISTED = 2000;

    private static final String PREFIXES = "PREFIX vg: <" + VG.NS + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX skos: <" + VG.SKOS + ">\n";
    private static final QueryTemplate BACKLINKS = new QueryTemplate(PREFIXES
            + "SELECT ?path (COUNT(DISTINCT ?occ) AS ?links) (SUM(IF(EXISTS { ?occ vg:embed true }, 1, 0)) AS ?embeds) "
            + "WHERE { ?occ vg:target ?note . ?src vg:hasLink ?occ ; vg:path ?path } GROUP BY ?path ORDER BY ?path");
    private static final QueryTemplate INSIGHTS = new QueryTemplate(PREFIXES
            + "SELECT ?path ?statement WHERE { ?insight vg:about ?note ; a vg:Insight ; vg:path ?path ; vg:statement ?statement } ORDER BY ?path");
    private static final QueryTemplate TAGS = new QueryTemplate(PREFIXES
            + "SELECT DISTINCT ?tag ?label WHERE { ?note vg:tag ?tag OPTIONAL { ?tag rdfs:label ?label } } ORDER BY ?label");
    private static final QueryTemplate CLASSES = new QueryTemplate(PREFIXES
            + "SELECT DISTINCT ?class WHERE { ?note a ?class FILTER(?class != vg:Note) } ORDER BY ?class");
    private static final QueryTemplate TAGGED = new QueryTemplate(PREFIXES
            + "SELECT DISTINCT ?path WHERE { ?n vg:tag/skos:broader* ?tag ; a vg:Note ; vg:path ?path } ORDER BY ?path");
    private static final QueryTemplate NARROWER = new QueryTemplate(PREFIXES
            + "SELECT DISTINCT ?sub ?label WHERE { ?sub skos:broader ?tag OPTIONAL { ?sub rdfs:label ?label } } ORDER BY ?label");
    private static final QueryTemplate OF_CLASS = new QueryTemplate(PREFIXES
            + "SELECT DISTINCT ?path WHERE { ?n a ?class ; vg:path ?path } ORDER BY ?path");

    private final GardenPublisher publisher;
    private final SparqlService sparql;
    private final IriMinter iris;
    private final PrefixMap prefixes;
    private final GraphLinks files;
    private final ServerAddresses addresses;
    private volatile String index;

    GardenSite(GardenPublisher publisher, SparqlService sparql, IriMinter iris, PrefixMap prefixes) {
        this.publisher = publisher;
        this.sparql = sparql;
        this.iris = iris;
        this.prefixes = prefixes;
        this.files = publisher.files();
        this.addresses = new ServerAddresses(iris, files);
    }

    /** The vault path of a note IRI, or null when the IRI is no note's. */
    String notePath(String iri) {
        String path = files.pathOf(iri);
        return path != null && files.isNote(path) ? path : null;
    }

    /** The vault path of an attachment IRI, or null. */
    String attachmentPath(String iri) {
        String path = files.pathOf(iri);
        return path != null && files.isAttachment(path) ? path : null;
    }

    // ---- a note

    /** The page of a note: the note rendered, then its fields and the notes that link to it. */
    Optional<String> note(String notePath, String publishedPage) {
        Optional<String> body = publisher.noteHtml(notePath, addresses);
        if (body.isEmpty()) return Optional.empty();
        Node note = NodeFactory.createURI(iris.note(notePath));
        String title = publisher.title(notePath);
        StringBuilder out = new StringBuilder(Pages.head(title)).append(nav(folderOf(notePath))).append("<p class=\"formats\">").append(Pages.formats());
        out.append("<main class=\"note\"><h1>").append(Html.text(title)).append("</h1>\n<p class=\"meta\">");
        List<String> meta = new ArrayList<>();
        meta.add("<code>" + Html.text(notePath) + "</code>");
        sparql.select(CLASSES.with("note", note)).forEachRemaining(row -> {
            String iri = row.get("class").getURI();
            meta.add("<a class=\"class\" href=\"" + Html.attribute(classPage(iri)) + "\">" + Html.text(shortName(iri)) + "</a>");
        });
        sparql.select(TAGS.with("note", note)).forEachRemaining(row -> meta.add(tagLink(row.get("tag").getURI(), row.get("label"))));
        if (publishedPage != null) meta.add("<a href=\"" + Html.attribute(publishedPage) + "\">Published page</a>");
        out.append(String.join(" · ", meta)).append("</p>\n<article>\n").append(body.get()).append("\n</article>\n");

        List<Map.Entry<String, String>> fields = publisher.fields(notePath, addresses);
        if (!fields.isEmpty()) {
            out.append("<h2>Properties</h2>\n<table class=\"properties\">\n");
            for (Map.Entry<String, String> field : fields) {
                out.append("<tr><th>").append(Html.text(field.getKey())).append("</th><td>").append(field.getValue()).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        RowSetRewindable insights = sparql.select(INSIGHTS.with("note", note));
        if (insights.hasNext()) {
            // The mapping's insights about this note, each with its statement.
            out.append("<h2>Insights</h2>\n<ul class=\"insights\">\n");
            insights.forEachRemaining(row -> out.append("<li>").append(noteLink(row.get("path").getLiteralLexicalForm(), false)).append(": ")
                    .append(Html.text(row.get("statement").getLiteralLexicalForm())).append("</li>\n"));
            out.append("</ul>\n");
        }
        RowSetRewindable backlinks = sparql.select(BACKLINKS.with("note", note));
        if (backlinks.hasNext()) {
            out.append("<h2>Linked from</h2>\n<ul class=\"backlinks\">\n");
            backlinks.forEachRemaining(row -> {
                String path = row.get("path").getLiteralLexicalForm();
                int links = Integer.parseInt(row.get("links").getLiteralLexicalForm());
                int embeds = Integer.parseInt(row.get("embeds").getLiteralLexicalForm());
                out.append("<li>").append(noteLink(path)).append(" <small>").append(count(links - embeds, "link"))
                        .append(embeds > 0 ? (links > embeds ? ", " : "") + count(embeds, "embed") : "").append("</small></li>\n");
            });
            out.append("</ul>\n");
        }
        return Optional.of(out.append("</main>\n</body></html>\n").toString());
    }

    private static String count(int n, String what) {
        return n == 0 ? "" : n + " " + what + (n == 1 ? "" : "s");
    }

    // ---- tags, folders, classes

    /** The page of a tag: the notes tagged with it or a tag below it, and the tags below it. */
    Optional<String> tag(String tagIri) {
        Node tag = NodeFactory.createURI(tagIri);
        RowSetRewindable notes = sparql.select(TAGGED.with("tag", tag));
        RowSetRewindable narrower = sparql.select(NARROWER.with("tag", tag));
        if (!notes.hasNext() && !narrower.hasNext()) return Optional.empty();
        String name = "#" + decode(tagIri.substring(iris.tag("").length()));
        StringBuilder out = new StringBuilder(Pages.head(name)).append(nav(null)).append("<p class=\"formats\">").append(Pages.formats());
        out.append("<main><h1>").append(Html.text(name)).append("</h1>\n");
        if (narrower.hasNext()) {
            out.append("<p class=\"tags\">");
            narrower.forEachRemaining(row -> out.append(tagLink(row.get("sub").getURI(), row.get("label"))).append(' '));
            out.append("</p>\n");
        }
        return Optional.of(notesList(notes, out).append("</main>\n</body></html>\n").toString());
    }

    /** The page of a folder: its folders and its notes. */
    Optional<String> folder(String folder) {
        Map<String, Integer> subfolders = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (String path : files.notePaths()) {
            if (!path.startsWith(prefix)) continue;
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) notes.add(path);
            else subfolders.merge(rest.substring(0, slash), 1, Integer::sum);
        }
        if (notes.isEmpty() && subfolders.isEmpty()) return Optional.empty();
        String title = folder.isEmpty() ? "/" : folder;
        StringBuilder out = new StringBuilder(Pages.head(title)).append(nav(folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : null));
        out.append("<main><h1>").append(Html.text(title)).append("</h1>\n");
        if (!subfolders.isEmpty()) {
            out.append("<h2>Folders</h2>\n<ul>\n");
            subfolders.forEach((name, n) -> out.append("<li><a href=\"").append(Html.attribute(folderPage(prefix + name))).append("\">")
                    .append(Html.text(name)).append("</a> <small>").append(n).append("</small></li>\n"));
            out.append("</ul>\n");
        }
        if (!notes.isEmpty()) {
            out.append("<h2>Notes</h2>\n<ul>\n");
            for (int i = 0; i < notes.size() && i < LISTED; i++) out.append("<li>").append(noteLink(notes.get(i))).append("</li>\n");
            if (notes.size() > LISTED) out.append("<li>… and ").append(notes.size() - LISTED).append(" more</li>\n");
            out.append("</ul>\n");
        }
        return Optional.of(out.append("</main>\n</body></html>\n").toString());
    }

    /** The page of a class: its notes. */
    Optional<String> ofClass(String classIri) {
        RowSetRewindable notes = sparql.select(OF_CLASS.with("class", NodeFactory.createURI(classIri)));
        if (!notes.hasNext()) return Optional.empty();
        String name = shortName(classIri);
        StringBuilder out = new StringBuilder(Pages.head(name)).append(nav(null));
        out.append("<main><h1>").append(Html.text(name)).append("</h1>\n<p><code>").append(Html.text(classIri)).append("</code></p>\n");
        return Optional.of(notesList(notes, out).append("</main>\n</body></html>\n").toString());
    }

    private StringBuilder notesList(RowSetRewindable rows, StringBuilder out) {
        List<String> paths = new ArrayList<>();
        rows.forEachRemaining(row -> paths.add(row.get("path").getLiteralLexicalForm()));
        out.append("<p>").append(paths.size()).append(paths.size() == 1 ? " note" : " notes").append("</p>\n<ul>\n");
        for (int i = 0; i < paths.size() && i < LISTED; i++) out.append("<li>").append(noteLink(paths.get(i))).append("</li>\n");
        if (paths.size() > LISTED) out.append("<li>… and ").append(paths.size() - LISTED).append(" more</li>\n");
        return out.append("</ul>\n");
    }

    /** A published page of the vault (a note with Dataview blocks, at its permalink), rendered with this server's links. */
    Optional<String> publishedPage(String notePath) {
        Optional<String> body = publisher.noteHtml(notePath, addresses);
        if (body.isEmpty()) return Optional.empty();
        String title = publisher.title(notePath);
        return Optional.of(Pages.head(title) + nav(folderOf(notePath)) + "<p><a href=\"" + Html.attribute(addresses.local(iris.note(notePath)))
                + "\">The note and its data</a></p>\n<main class=\"note\">\n" + body.get() + "\n</main>\n</body></html>\n");
    }

    /** The page of a base file: every view of it, one after the other. */
    Optional<String> basePage(String basePath) {
        return publisher.basePage(basePath, addresses).map(page -> Pages.head(page.title()) + nav(folderOf(basePath)) + "<main class=\"note\">\n"
                + publisher.html(page, addresses) + "\n</main>\n</body></html>\n");
    }

        // ---- the index

    /** Folders, tags and classes, each with how many notes it holds; made once per snapshot. */
    String index() {
        String made = index;
        if (made != null) return made;
        StringBuilder out = new StringBuilder(Pages.head("Index")).append(nav(null));
        out.append("<main><h1>Index</h1>\n<p>").append(files.notePaths().size()).append(" notes</p>\n");
        Map<String, Integer> folders = new TreeMap<>();
        for (String path : files.notePaths()) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) folders.merge(path.substring(0, slash), 1, Integer::sum);
        }
        long atRoot = files.notePaths().stream().filter(p -> !p.contains("/")).count();
        out.append("<h2>Folders</h2>\n<ul class=\"folders\">\n<li><a href=\"/folder/\">/</a> <small>").append(atRoot).append("</small></li>\n");
        folders.forEach((folder, n) -> out.append("<li style=\"margin-left:").append(depth(folder) + 1).append("rem\"><a href=\"")
                .append(Html.attribute(folderPage(folder))).append("\">").append(Html.text(folder.substring(folder.lastIndexOf('/') + 1)))
                .append("</a> <small>").append(n).append("</small></li>\n"));
        out.append("</ul>\n<h2>Tags</h2>\n<ul class=\"tags\">\n");
        sparql.select(QueryFactory.create(PREFIXES + "SELECT ?tag (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?n) AS ?notes) "
                + "WHERE { ?n vg:tag ?tag OPTIONAL { ?tag rdfs:label ?l } } GROUP BY ?tag ORDER BY DESC(?notes) ?label")).forEachRemaining(row ->
                out.append("<li>").append(tagLink(row.get("tag").getURI(), row.get("label"))).append(" <small>")
                        .append(row.get("notes").getLiteralLexicalForm()).append("</small></li>\n"));
        out.append("</ul>\n<h2>Classes</h2>\n<ul class=\"classes\">\n");
        sparql.select(QueryFactory.create(PREFIXES + "SELECT ?class (COUNT(DISTINCT ?n) AS ?notes) "
                + "WHERE { ?n a vg:Note , ?class FILTER(?class != vg:Note) } GROUP BY ?class ORDER BY DESC(?notes) ?class")).forEachRemaining(row -> {
                    String iri = row.get("class").getURI();
                    out.append("<li><a href=\"").append(Html.attribute(classPage(iri))).append("\">").append(Html.text(shortName(iri)))
                            .append("</a> <small>").append(row.get("notes").getLiteralLexicalForm()).append("</small></li>\n");
                });
        made = out.append("</ul>\n</main>\n</body></html>\n").toString();
        index = made;
        return made;
    }

    private static int depth(String folder) {
        return (int) folder.chars().filter(c -> c == '/').count();
    }

    // ---- links

    private String nav(String folder) {
        StringBuilder out = new StringBuilder("<nav class=\"garden\"><a href=\"/\">vaultgraph</a> · <a href=\"/index\">Index</a>");
        if (folder != null && !folder.isEmpty()) {
            out.append(" · <a href=\"").append(Html.attribute(folderPage(folder))).append("\">").append(Html.text(folder)).append("</a>");
        }
        return out.append("</nav>\n").toString();
    }

    private String noteLink(String path) {
        return noteLink(path, true);
    }

    private String noteLink(String path, boolean withFolder) {
        return "<a class=\"internal-link\" href=\"" + Html.attribute(addresses.local(iris.note(path))) + "\">"
                + Html.text(org.vaultgraph.dql.value.DvLink.fileTitle(path)) + "</a>"
                + (withFolder && path.contains("/") ? " <small class=\"folder\">" + Html.text(folderOf(path)) + "</small>" : "");
    }

    private String tagLink(String tagIri, Node label) {
        String text = label != null && label.isLiteral() ? label.getLiteralLexicalForm() : "#" + decode(tagIri.substring(iris.tag("").length()));
        return "<a class=\"tag\" href=\"" + Html.attribute(addresses.local(tagIri)) + "\">" + Html.text(text) + "</a>";
    }

    static String folderPage(String folder) {
        return "/folder/" + IriMinter.encodePath(folder);
    }

    static String classPage(String classIri) {
        return "/class?iri=" + URLEncoder.encode(classIri, StandardCharsets.UTF_8);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private String shortName(String iri) {
        String abbreviated = prefixes.abbreviate(iri);
        return abbreviated != null ? abbreviated : iri;
    }

    private static String decode(String encoded) {
        String decoded = LinkedDataFilter.percentDecode(encoded);
        return decoded != null ? decoded : encoded;
    }
}
