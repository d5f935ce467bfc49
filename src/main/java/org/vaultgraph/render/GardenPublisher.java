package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.bases.BaseEngine;
import org.vaultgraph.bases.BaseException;
import org.vaultgraph.bases.BaseSource;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.DqlEngine;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.syntax.DqlSyntaxException;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Writes the pages the Obsidian Digital Garden plugin publishes for notes with dataview blocks:
 * a one-line JSON front matter, then the note's text with each dataview block replaced by the
 * table Dataview draws. Everything comes from the graph: the note's path, text and modification
 * time, and each block's rows from its query compiled to SPARQL.
 *
 * <pre>{@code
 * GardenPublisher publisher = new GardenPublisher(sparql, iris);
 * for (GardenPublisher.Page page : publisher.pages()) Files.writeString(out.resolve(page.notePath()), page.markdown());
 * }</pre>
 */
public final class GardenPublisher {
    // The plugin's own patterns: its front matter block, and a ```dataview fence up to the next ```.
    private static final Pattern FRONT_MATTER = Pattern.compile("^\\s*?---[\\r\\n]([\\s\\S]*?)[\\r\\n]---");
    private static final Pattern DATAVIEW_BLOCK = Pattern.compile("```\\s*dataview\\s(.+?)```", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("%%[\\s\\S]*?%%");
    // A ```base fence up to the next ```, and an embedded base file with its view: ![[Books.base#Reading]].
    private static final Pattern BASE_BLOCK = Pattern.compile("```[ \\t]*base[ \\t]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BASE_EMBED = Pattern.compile("!\\[\\[([^\\]|#\\n]+\\.base)(?:#([^\\]|\\n]+))?(?:\\|[^\\]\\n]*)?\\]\\]");

    /** The front matter key the plugin reads: only notes where it is {@code true} are published. */
    public static final String PUBLISH_KEY = "dg-publish";

    private final SparqlService sparql;
    private final IriMinter iris;
    private final GraphLinks links;
    private final DqlEngine dql;
    // Link targets as the graph said when this publisher was made (GraphLinks is such a snapshot too), shared by its pages.
    private final Map<String, ObsidianHtml.LinkTarget> linkTargets = new ConcurrentHashMap<>();

    private static final QueryTemplate CONTENT = new QueryTemplate("PREFIX vg: <" + VG.NS + ">\nPREFIX dcterms: <" + VG.DCTERMS + ">\n"
            + "SELECT ?content ?modified WHERE { ?note vg:content ?content ; dcterms:modified ?modified }");
    private static final QueryTemplate FIELD_VALUES = new QueryTemplate("SELECT ?v WHERE { ?note ?field ?v }");

    private final Cells cells;
    private final BaseEngine bases;
    private final Map<String, Optional<BaseLinks.Target>> basePages = GardenBaseLinks.cache();

    public GardenPublisher(SparqlService sparql, IriMinter iris) {
        this(sparql, iris, java.time.ZoneId.systemDefault());
    }

    /** @param zone the time zone dates without one are read and shown in, as Obsidian on this machine would */
    public GardenPublisher(SparqlService sparql, IriMinter iris, java.time.ZoneId zone) {
        this.sparql = sparql;
        this.iris = iris;
        GraphPages pages = GraphPages.of(sparql, iris, zone);
        this.links = pages.files();
        this.dql = new DqlEngine(pages, QuerySettings.DEFAULTS, () -> new DvClock(zone, java.time.Instant.now()));
        this.cells = new Cells(QuerySettings.DEFAULTS, zone);
        this.bases = new BaseEngine(GraphFiles.of(sparql, iris, links, zone), () -> new DvClock(zone, java.time.Instant.now()));
    }

    /**
     * A published page.
     *
     * @param notePath  vault path of the note, which is also where the plugin puts the page
     * @param permalink the page's address on the site
     * @param markdown  the page's text
     * @param errors    queries that could not be rendered, each with the note's path and the query's line
     */
    public record Page(String notePath, String permalink, String markdown, List<String> errors) {}

    /**
     * The vault paths of the notes to publish, in path order: those with a dataview block whose front
     * matter says {@code dg-publish: true}, as the plugin requires; no other note ever leaves the vault.
     */
    public List<String> publishablePaths() {
        return paths("FILTER EXISTS { ?note <" + iris.field(PUBLISH_KEY) + "> true }");
    }

    /** The notes with a dataview block that are not marked {@code dg-publish: true}: kept private. */
    public List<String> unpublishedPaths() {
        return paths("FILTER NOT EXISTS { ?note <" + iris.field(PUBLISH_KEY) + "> true }");
    }

    /** Every note with a dataview block, marked for publishing or not: what the local server shows. */
    public List<String> notesWithQueries() {
        return paths("");
    }

    private List<String> paths(String filter) {
        // Notes with a dataview block, a base block, or an embedded base file.
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT DISTINCT ?path WHERE { { ?note vg:dataviewQuery ?query } UNION { ?note vg:baseBlock ?block } "
                + "UNION { ?note vg:embeds ?base . ?base a vg:Base } ?note vg:path ?path " + filter + " } ORDER BY ?path"));
        List<String> paths = new ArrayList<>();
        rows.forEachRemaining(row -> paths.add(row.get("path").getLiteralLexicalForm()));
        return paths;
    }

    /** The pages of the notes marked for publishing. */
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        for (String path : publishablePaths()) page(path).ifPresent(pages::add);
        return pages;
    }

    /** The permalink of every note with a dataview block, to its vault path: the local server's tag pages. */
    public Map<String, String> permalinks() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : notesWithQueries()) out.put(permalinkOf(path, fieldValue(path, "dg-permalink")), path);
        return out;
    }

    /** The page the plugin publishes for a note, its bases drawn as the garden site draws them. */
    public Optional<Page> page(String notePath) {
        return page(notePath, true);
    }

    /**
     * The page of a note.
     *
     * @param garden true for the published garden (links to permalinks, one toolbar switching views by
     *               script); false for the local server (links to the server's pages, views one after the other)
     */
    public Optional<Page> page(String notePath, boolean garden) {
        Node note = NodeFactory.createURI(iris.note(notePath));
        RowSetRewindable rows = sparql.select(CONTENT.with("note", note));
        if (!rows.hasNext()) return Optional.empty();
        var row = rows.next();
        String content = row.get("content").getLiteralLexicalForm();
        String modified = row.get("modified").getLiteralLexicalForm();

        Map<String, Object> front = new LinkedHashMap<>();
        front.put("dg-publish", Boolean.TRUE);
        String customPermalink = fieldValue(notePath, "dg-permalink");
        if (customPermalink != null) front.put("dg-permalink", customPermalink);
        front.put("permalink", permalinkOf(notePath, customPermalink));
        String title = fieldValue(notePath, "title");
        if (title != null) front.put("title", title);
        List<String> tags = frontMatterTags(note);
        if (!tags.isEmpty()) front.put("tags", tags);
        front.put("updated", modified);
        String frontMatter = "---\n" + Json.write(front) + "\n---\n";

        List<String> errors = new ArrayList<>();
        String body = renderBlocks(notePath, content, errors);
        body = renderBases(notePath, content, body, garden, errors);
        body = COMMENT.matcher(body).replaceAll("");
        Matcher fm = FRONT_MATTER.matcher(body);
        String page = fm.find() ? frontMatter + body.substring(fm.end()) : frontMatter + body;
        return Optional.of(new Page(notePath, permalinkOf(notePath, customPermalink), page, List.copyOf(errors)));
    }

    /** The HTML of one query as it would show in the note at {@code notePath}. */
    public String renderQuery(String queryText, String notePath) {
        DqlResult result = dql.run(queryText, notePath);
        return new DataviewRenderer(new ObsidianHtml(new GraphLinkTargets(sparql, links, notePath, linkTargets)), cells).render(result);
    }

    private String renderBlocks(String notePath, String content, List<String> errors) {
        Matcher block = DATAVIEW_BLOCK.matcher(content);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String html;
            try {
                html = renderQuery(block.group(1), notePath);
            } catch (DqlException e) {
                int line = lineOf(content, block.start(1));
                if (e instanceof DqlSyntaxException syntax) line += syntax.line() - 1;
                errors.add(notePath + ":" + line + ": dataview query: " + e.getMessage());
                html = DataviewRenderer.error(e.getMessage());
            }
            block.appendReplacement(out, Matcher.quoteReplacement(html));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** Where a base's files are, for a base written in {@code home}, on the published garden. */
    public BaseLinks baseLinks(String home) {
        return baseLinks(home, true);
    }

    private BaseLinks baseLinks(String home, boolean garden) {
        return new GardenBaseLinks(sparql, iris, links, home, garden, basePages);
    }

    /**
     * Each ```base block and each embedded .base file drawn in place, {@code this} being the note.
     *
     * @param original the note's text as written, where the blocks' lines are counted
     * @param content  the text to draw them in (dataview blocks already drawn)
     */
    private String renderBases(String notePath, String original, String content, boolean garden, List<String> errors) {
        List<Integer> blockLines = new ArrayList<>();
        Matcher written = BASE_BLOCK.matcher(original);
        while (written.find()) blockLines.add(lineOf(original, written.start(1)));
        List<Integer> embedLines = new ArrayList<>();
        written = BASE_EMBED.matcher(original);
        while (written.find()) embedLines.add(lineOf(original, written.start()));
        Matcher block = BASE_BLOCK.matcher(content);
        StringBuilder out = new StringBuilder();
        int blocks = 0;
        while (block.find()) {
            int line = blocks < blockLines.size() ? blockLines.get(blocks) : 0;
            blocks++;
            BaseSource source = new BaseSource(notePath, line, block.group(1));
            block.appendReplacement(out, Matcher.quoteReplacement(renderBase(source, null, notePath, garden, errors)));
        }
        block.appendTail(out);
        Matcher embed = BASE_EMBED.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        int embeds = 0;
        while (embed.find()) {
            int line = embeds < embedLines.size() ? embedLines.get(embeds) : 0;
            embeds++;
            String html = embed.group();
            String basePath = links.resolvePath(embed.group(1).strip(), notePath).orElse(null);
            String text = basePath == null ? null : baseText(basePath);
            if (text == null) {
                errors.add(notePath + ":" + line + ": no base file " + embed.group(1));
            } else {
                String view = embed.group(2) == null ? null : embed.group(2).strip();
                html = renderBase(new BaseSource(basePath, 1, text), view, notePath, garden, errors);
            }
            embed.appendReplacement(done, Matcher.quoteReplacement(html));
        }
        embed.appendTail(done);
        return done.toString();
    }

    /** One base's views as HTML; a view named but missing shows them all, as the plugin does. */
    private String renderBase(BaseSource source, String view, String thisPath, boolean garden, List<String> errors) {
        try {
            List<ViewResult> results = bases.runAll(source, thisPath);
            if (view != null) {
                List<ViewResult> chosen = results.stream().filter(r -> r.view().name().equals(view)).toList();
                if (!chosen.isEmpty()) results = chosen;
            }
            return "\n" + new BaseHtml(baseLinks(source.path(), garden), garden).views(results) + "\n";
        } catch (BaseException e) {
            errors.add(e.getMessage());
            return "\n" + BaseHtml.error(e.getMessage()) + "\n";
        }
    }

    /** The text of a base file, as the graph keeps it; null when the path is no base. */
    private String baseText(String basePath) {
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT ?text WHERE { <"
                + iris.attachment(basePath) + "> vg:baseText ?text }"));
        return rows.hasNext() ? rows.next().get("text").getLiteralLexicalForm() : null;
    }

    /** The base files of the vault, by the address of their page on the local server. */
    public Map<String, String> basePermalinks() {
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT ?path WHERE { ?file a vg:Base , vg:Attachment ; vg:path ?path } ORDER BY ?path"));
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEachRemaining(row -> {
            String path = row.get("path").getLiteralLexicalForm();
            out.put(Slugify.permalink(path.substring(0, path.length() - ".base".length()) + "-base.md"), path);
        });
        return out;
    }

    /** The page of a base file on the local server: its views, {@code this} being the base file itself. */
    public Optional<Page> basePage(String basePath) {
        String text = baseText(basePath);
        if (text == null) return Optional.empty();
        List<String> errors = new ArrayList<>();
        String html = renderBase(new BaseSource(basePath, 1, text), null, basePath, false, errors);
        String markdown = "---\n" + Json.write(Map.of("title", basePath)) + "\n---\n# " + basePath.substring(basePath.lastIndexOf('/') + 1) + "\n" + html;
        return Optional.of(new Page(basePath, "", markdown, List.copyOf(errors)));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    static String permalinkOf(String notePath, String custom) {
        if (custom == null) return Slugify.permalink(notePath);
        String p = custom.startsWith("/") ? custom : "/" + custom;
        return p.endsWith("/") ? p : p + "/";
    }

    /** The first value of a front matter field of the note, as text; null when it has none. */
    private String fieldValue(String notePath, String canonicalKey) {
        List<String> values = fieldValues(NodeFactory.createURI(iris.note(notePath)), canonicalKey);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<String> fieldValues(Node note, String canonicalKey) {
        RowSetRewindable rows = sparql.select(FIELD_VALUES.with(Map.of("note", note, "field", NodeFactory.createURI(iris.field(canonicalKey)))));
        List<String> values = new ArrayList<>();
        rows.forEachRemaining(row -> {
            Node v = row.get("v");
            values.add(v.isLiteral() ? v.getLiteralLexicalForm() : v.toString());
        });
        return values;
    }

    /** The plugin publishes the note's front matter tags, splitting text on commas. */
    private List<String> frontMatterTags(Node note) {
        List<String> tags = new ArrayList<>();
        for (String value : fieldValues(note, "tags").stream().sorted().toList()) {
            Arrays.stream(value.split(",\\s*")).filter(t -> !t.isBlank()).forEach(tags::add);
        }
        return tags;
    }
}
