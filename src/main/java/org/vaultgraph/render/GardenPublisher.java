package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.dql.DqlEngine;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Writes the pages the Obsidian Digital Garden plugin publishes: the plugin's JSON front matter, then
 * the note compiled as the plugin compiles it (see {@link GardenMarkdown}); and the HTML of such a page
 * (see {@link GardenHtml}). Everything comes from the graph: the notes' text, front matter and dates,
 * which notes are published, and each Dataview query's answer.
 *
 * <pre>{@code
 * GardenPublisher publisher = new GardenPublisher(sparql, iris);
 * GardenNotes garden = publisher.garden(false);
 * GardenPublisher.Page page = publisher.page("Research/Overview.md", garden, addresses, true).orElseThrow();
 * String html = publisher.html(page, addresses);
 * }</pre>
 *
 * A publisher is a snapshot: it knows the vault's files as they were when it was made.
 */
public final class GardenPublisher {
    /** The front matter key the plugin reads: only notes where it is {@code true} are published. */
    public static final String PUBLISH_KEY = "dg-publish";

    private static final Pattern FRONT_MATTER = Pattern.compile("^---\\n.*?\\n---\\n", Pattern.DOTALL);
    // The plugin's "default note settings": a front matter key dg-x-y becomes dgXY in the page's front matter.
    private static final List<String> NOTE_SETTINGS = List.of("dgHomeLink", "dgPassFrontmatter", "dgShowBacklinks", "dgShowLocalGraph",
            "dgShowGraphDepthControl", "dgShowInlineTitle", "dgShowFileTree", "dgEnableSearch", "dgShowToc", "dgLinkPreview", "dgShowTags");
    private static final QueryTemplate CONTENT = new QueryTemplate("PREFIX vg: <" + VG.NS + ">\nPREFIX dcterms: <" + VG.DCTERMS + ">\n"
            + "SELECT ?content ?modified WHERE { ?note vg:content ?content ; dcterms:modified ?modified }");

    private final SparqlService sparql;
    private final IriMinter iris;
    private final java.time.ZoneId zone;
    private final GraphPages pages;
    private final GraphLinks links;
    private final DqlEngine dql;
    private final java.util.function.Supplier<DvClock> clock;
    private final Cells cells;
    private final GardenHtml html;
    private final GardenBases bases;
    // Link targets as the graph said when this publisher was made (GraphLinks is such a snapshot too), shared by its pages.
    private final Map<String, ObsidianHtml.LinkTarget> linkTargets = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile GardenNotes published;

    public GardenPublisher(SparqlService sparql, IriMinter iris) {
        this(sparql, iris, java.time.ZoneId.systemDefault());
    }

    /** @param zone the time zone dates without one are read and shown in, as Obsidian on this machine would */
    public GardenPublisher(SparqlService sparql, IriMinter iris, java.time.ZoneId zone) {
        this(sparql, iris, zone, GraphPages.of(sparql, iris, zone));
    }

    private GardenPublisher(SparqlService sparql, IriMinter iris, java.time.ZoneId zone, GraphPages pages) {
        this.sparql = sparql;
        this.zone = zone;
        this.iris = iris;
        this.pages = pages;
        this.links = pages.files();
        this.clock = () -> new DvClock(zone, java.time.Instant.now());
        this.dql = new DqlEngine(pages, QuerySettings.DEFAULTS, clock);
        this.cells = new Cells(QuerySettings.DEFAULTS, zone);
        this.html = new GardenHtml(links);
        this.bases = new GardenBases(sparql, iris, links, zone);
    }

    /**
     * A published page.
     *
     * @param notePath    vault path of the note, which is also where the plugin puts the page
     * @param permalink   the page's address on the site
     * @param title       the page's title: its front matter {@code title}, else the note's name
     * @param markdown    the page's text
     * @param errors      queries that could not be rendered, each with the note's path and the query's line
     * @param warnings    what the page leaves as written (JavaScript queries, notes kept private...), with the note's path
     * @param attachments the vault paths of the images and files the page shows
     */
    public record Page(String notePath, String permalink, String title, String markdown, List<String> errors, List<String> warnings, Set<String> attachments) {}

    /**
     * A publisher of the graph after an edit of these vault paths: when the edit added or removed no
     * file, the vault's listing, the pages and the link targets read already are kept but for what the
     * edit changed.
     */
    public GardenPublisher after(java.util.Set<String> changedPaths) {
        GraphLinks files = links.after(sparql, changedPaths);
        GardenPublisher next = new GardenPublisher(sparql, iris, zone, pages.after(files, changedPaths));
        if (files == links) {
            // A link target's class is its own: the others' stay as described.
            next.linkTargets.putAll(linkTargets);
            for (String path : changedPaths) {
                next.linkTargets.remove(iris.note(path));
                next.linkTargets.remove(iris.attachment(path));
            }
        }
        return next;
    }

    /** The garden after an edit of these vault paths: only their publishing keys are read again. */
    public GardenNotes garden(GardenNotes before, java.util.Set<String> changedPaths) {
        return before.after(sparql, iris, changedPaths);
    }

    /** The vault's files as this publisher knows them. */
    public GraphLinks files() {
        return links;
    }

    /** The garden: the notes marked {@code dg-publish: true}, or every note with {@code all}. */
    public GardenNotes garden(boolean all) {
        return GardenNotes.select(sparql, iris, all);
    }

    /** The vault paths of the notes marked {@code dg-publish: true}, in path order. */
    public List<String> publishablePaths() {
        return new ArrayList<>(published().permalinks().keySet());
    }

    private GardenNotes published() {
        GardenNotes g = published;
        if (g == null) {
            g = garden(false);
            published = g;
        }
        return g;
    }

    /** The pages of the notes marked for publishing, with the plugin's own markup. */
    public List<Page> pages() {
        List<Page> out = new ArrayList<>();
        for (String path : publishablePaths()) page(path).ifPresent(out::add);
        return out;
    }

    /**
     * The page of one note (published or not) exactly as the plugin writes it: Dataview's links left
     * as the vault paths they name.
     */
    public Optional<Page> page(String notePath) {
        return page(notePath, published(), null, false);
    }

    /**
     * The page of one note.
     *
     * @param garden        which notes are published (links and embeds follow it)
     * @param dataviewLinks where the links of Dataview's results point; null leaves them as vault paths, as the plugin does
     * @param forSite       whether the page is to be rendered to HTML here (see {@link #html}): blocks of HTML then end
     *                      with a blank line, which the plugin's markdown does not have
     */
    public Optional<Page> page(String notePath, GardenNotes garden, LinkAddresses dataviewLinks, boolean forSite) {
        return page(notePath, garden, dataviewLinks, forSite, new PageReads());
    }

    /**
     * The page of one note, telling {@code reads} what it reads of the vault (pass a garden and addresses
     * that tell it too: {@link GardenNotes#readBy}).
     */
    public Optional<Page> page(String notePath, GardenNotes garden, LinkAddresses dataviewLinks, boolean forSite, PageReads reads) {
        return page(notePath, garden, dataviewLinks, forSite, true, reads);
    }

    /** An edit of the vault (the paths it wrote or removed, the notes whose place in the garden moved) as this publisher's snapshot, the vault after it, sees it. */
    public VaultEdit edit(java.util.Set<String> changedPaths, java.util.Set<String> moved) {
        return new VaultEdit(changedPaths, moved, pages);
    }

    /**
     * The page of a note as the published garden draws it ({@code garden} true: bases link to permalinks,
     * their views switched by one toolbar) or as the local server does (false: links to the server's
     * pages, views one after the other, no script).
     */
    public Optional<Page> page(String notePath, boolean garden) {
        return garden ? page(notePath) : page(notePath, GardenNotes.everyNote(), null, false, false, new PageReads());
    }

    private Optional<Page> page(String notePath, GardenNotes garden, LinkAddresses dataviewLinks, boolean forSite, boolean publishedBases,
                                PageReads reads) {
        reads.read(notePath);
        Node note = NodeFactory.createURI(iris.note(notePath));
        RowSetRewindable rows = sparql.select(CONTENT.with("note", note));
        if (!rows.hasNext()) return Optional.empty();
        var row = rows.next();
        String modified = row.get("modified").getLiteralLexicalForm();
        Map<String, Value> raw = pages.frontMatter(notePath);
        String permalink = garden.permalink(notePath)
                .orElse(GardenNotes.permalinkOf(notePath, text(raw.get("dg-permalink")), text(raw.get("dg-path"))));

        Function<String, Optional<String>> texts = path -> {
            reads.read(path);
            return content(path);
        };
        GardenMarkdown compiler = new GardenMarkdown(texts, links, garden, dataview(dataviewLinks, reads),
                everything(bases.drawer(publishedBases ? garden : null, dataviewLinks, publishedBases && !forSite), reads), forSite);
        GardenMarkdown.Compiled compiled = compiler.compile(notePath, GardenMarkdown.frontMatter(frontMatter(notePath, raw, permalink, modified)));
        Set<String> attachments = new java.util.TreeSet<>(compiled.attachments());
        raw.values().forEach(value -> frontMatterImages(value, notePath, attachments));
        String title = text(raw.get("title"));
        return Optional.of(new Page(notePath, permalink, title != null ? title : DvLink.fileTitle(notePath), compiled.markdown(), List.copyOf(compiled.errors()), List.copyOf(compiled.warnings()),
                Set.copyOf(attachments)));
    }

    private static final Pattern FRONT_MATTER_IMAGE = Pattern.compile("(?i)^!?\\[\\[([^\\]]+)\\]\\]$|^[^\\[\\]]+\\.(png|jpe?g|gif|webp|svg)$");

    /** Images a front matter value names (a cover: "[[a.png]]" or a plain path), which the plugin uploads with the page. */
    private void frontMatterImages(Value value, String notePath, Set<String> out) {
        if (value instanceof Value.Array a) {
            a.items().forEach(item -> frontMatterImages(item, notePath, out));
            return;
        }
        if (!(value instanceof Value.Text t)) return;
        String written = t.value().strip();
        Matcher m = FRONT_MATTER_IMAGE.matcher(written);
        if (!m.matches() || written.startsWith("http")) return;
        String linkpath = m.group(1) != null ? m.group(1).split("\\|")[0].split("#")[0].strip() : written;
        if (!linkpath.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g|gif|webp|svg)$")) return;
        links.resolvePath(linkpath, notePath).filter(links::isAttachment).ifPresent(out::add);
    }

    /** The HTML of a page's text, its links pointing where {@code addresses} says. */
    public String html(Page page, LinkAddresses addresses) {
        return html.render(FRONT_MATTER.matcher(page.markdown()).replaceFirst(""), page.notePath(), addresses);
    }

    /**
     * The HTML of a note as the local server shows it: every note is in the garden and may be embedded,
     * links point where {@code addresses} says; empty when there is no such note.
     */
    public Optional<String> noteHtml(String notePath, LinkAddresses addresses) {
        return page(notePath, GardenNotes.everyNote(), addresses, true, false, new PageReads()).map(p -> html(p, addresses));
    }

    /** A note's title: its front matter {@code title}, else its name. */
    public String title(String notePath) {
        String title = text(pages.frontMatter(notePath).get("title"));
        return title != null ? title : DvLink.fileTitle(notePath);
    }

    /**
     * A note's fields as Dataview has them (front matter, then inline fields), each with its value drawn
     * as Dataview draws it in a table cell, links pointing where {@code addresses} says. A field whose
     * name Dataview also gives in canonical form is listed once, as written.
     */
    public List<Map.Entry<String, String>> fields(String notePath, LinkAddresses addresses) {
        Value.Obj page = pages.page(notePath);
        if (page == null) return List.of();
        DataviewTable table = new DataviewTable(new ObsidianHtml(new GraphLinkTargets(sparql, links, notePath, linkTargets), addresses));
        Set<String> written = new java.util.HashSet<>();
        for (String key : page.entries().keySet()) {
            String canonical = org.vaultgraph.vault.FieldNames.canonicalize(key);
            if (!canonical.equals(key)) written.add(canonical);
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        page.entries().forEach((key, value) -> {
            if (key.equals("file") || written.contains(key)) return;
            out.add(Map.entry(key, table.cell(cells.of(value))));
        });
        return out;
    }

    /** The HTML of one query as it would show in the note at {@code notePath}, its links as vault paths. */
    public String renderQuery(String queryText, String notePath) {
        return renderQuery(queryText, notePath, null);
    }

    /** The HTML of one query in the note at {@code notePath}; {@code addresses} null leaves links as vault paths. */
    public String renderQuery(String queryText, String notePath, LinkAddresses addresses) {
        return renderQuery(dql, queryText, notePath, addresses, new PageReads());
    }

    private String renderQuery(DqlEngine engine, String queryText, String notePath, LinkAddresses addresses, PageReads reads) {
        var result = engine.run(queryText, notePath);
        GraphLinkTargets targets = new GraphLinkTargets(sparql, links, notePath, linkTargets);
        ObsidianHtml obsidian = new ObsidianHtml(linkpath -> {
            reads.lookedUp(linkpath);
            Optional<ObsidianHtml.LinkTarget> target = targets.find(linkpath);
            target.ifPresent(t -> reads.read(t.path()));
            return target;
        }, addresses);
        return new DataviewRenderer(obsidian, cells).render(result);
    }

    private GardenMarkdown.Dataview dataview(LinkAddresses addresses, PageReads reads) {
        DqlEngine engine = new DqlEngine(reads.watching(pages), dql.settings(), clock);
        return new GardenMarkdown.Dataview() {
            @Override
            public String renderQuery(String query, String originPath) {
                readsBacklinks(query, reads);
                return GardenPublisher.this.renderQuery(engine, query, originPath, addresses, reads);
            }

            @Override
            public Value evaluate(String expression, String originPath) {
                readsBacklinks(expression, reads);
                return engine.evaluate(expression, originPath);
            }

            @Override
            public String text(Value value) {
                return Values.toString(value, dql.settings());
            }
        };
    }

    /** A note's backlinks are the only part of a Dataview page that other notes write: a query that reads them may change with any edit. */
    private static void readsBacklinks(String query, PageReads reads) {
        if (query.toLowerCase(java.util.Locale.ROOT).contains("inlinks")) reads.readEverything();
    }

    /** A base's views list files by any of their properties: every edit may change them. */
    private static GardenMarkdown.Bases everything(GardenMarkdown.Bases drawer, PageReads reads) {
        return new GardenMarkdown.Bases() {
            @Override
            public String render(org.vaultgraph.bases.BaseSource source, String view, String thisPath, Set<String> attachments)
                    throws org.vaultgraph.bases.BaseException {
                reads.readEverything();
                return drawer.render(source, view, thisPath, attachments);
            }

            @Override
            public Optional<String> text(String basePath) {
                reads.read(basePath);
                return drawer.text(basePath);
            }
        };
    }

    /** Where a base's files are, for a base written in {@code home}, on the published garden. */
    public BaseLinks baseLinks(String home) {
        return bases.links(home, published());
    }

    /** The base files of the vault, by the address of their page on the local server. */
    public Map<String, String> basePermalinks() {
        return bases.permalinks();
    }

    /** The page of a base file on the local server: its views, {@code this} being the base file itself, its links where {@code addresses} says. */
    public Optional<Page> basePage(String basePath, LinkAddresses addresses) {
        return bases.page(basePath, addresses);
    }

    /** A note's whole text, as the graph keeps it. */
    public Optional<String> content(String notePath) {
        RowSetRewindable rows = sparql.select(CONTENT.with("note", NodeFactory.createURI(iris.note(notePath))));
        return rows.hasNext() ? Optional.of(rows.next().get("content").getLiteralLexicalForm()) : Optional.empty();
    }

    /**
     * The plugin's front matter, its keys in the plugin's order: permalink and path, title and the
     * page settings, tags ({@code gardenEntry} on the home note), the note settings, the update time.
     */
    private static Map<String, Object> frontMatter(String notePath, Map<String, Value> raw, String permalink, String modified) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dg-publish", Boolean.TRUE);
        String dgPath = text(raw.get("dg-path"));
        if (dgPath != null && !dgPath.equals(notePath)) out.put("dg-path", dgPath);
        if (truthy(raw.get("dg-permalink"))) out.put("dg-permalink", json(raw.get("dg-permalink")));
        out.put("permalink", permalink);
        passThrough(raw, "title", "title", out);
        passThrough(raw, "dg-metatags", "metatags", out);
        passThrough(raw, "dg-hide", "hide", out);
        passThrough(raw, "dg-hide-in-filetree", "hideInFiletree", out);
        passThrough(raw, "dg-hide-in-graph", "hideInGraph", out);
        passThrough(raw, "dg-pinned", "pinned", out);
        List<Object> tags = new ArrayList<>();
        Value written = raw.get("tags");
        if (written instanceof Value.Text t) {
            for (String tag : t.value().split(",\\s*", -1)) tags.add(tag);
        } else if (written instanceof Value.Array a) {
            for (Value tag : a.items()) tags.add(json(tag));
        }
        if (truthy(raw.get("dg-home")) && !tags.contains("gardenEntry")) tags.add("gardenEntry");
        if (!tags.isEmpty()) out.put("tags", tags);
        for (String setting : NOTE_SETTINGS) {
            Value value = raw.get(kebab(setting));
            if (truthy(value)) out.put(setting, json(value));
        }
        out.put("updated", modified);
        if (truthy(raw.get("dg-pass-frontmatter"))) {
            // The plugin then publishes the note's own front matter too, its keys first.
            Map<String, Object> merged = new LinkedHashMap<>();
            raw.forEach((key, value) -> merged.put(key, json(value)));
            merged.putAll(out);
            return merged;
        }
        return out;
    }

    private static void passThrough(Map<String, Value> raw, String key, String as, Map<String, Object> out) {
        Value value = raw.get(key);
        if (truthy(value)) out.put(as, json(value));
    }

    /** The plugin's {@code kebabize}: "dgHomeLink" → "dg-home-link". */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) out.append(i == 0 ? "" : "-").append(Character.toLowerCase(c));
            else out.append(c);
        }
        return out.toString();
    }

    /** Whether JavaScript holds a front matter value true, as the plugin tests its keys. */
    private static boolean truthy(Value v) {
        if (v == null || v instanceof Value.Null) return false;
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.Num n) return n.value() != 0 && !Double.isNaN(n.value());
        if (v instanceof Value.Text t) return !t.value().isEmpty();
        return true;
    }

    private static String text(Value v) {
        if (v instanceof Value.Text t && !t.value().isBlank()) return t.value().strip();
        if (v instanceof Value.Num n) return org.vaultgraph.dql.value.JsNumbers.toString(n.value());
        return null;
    }

    /** A front matter value as JSON.stringify writes what Obsidian parsed from the YAML. */
    private static Object json(Value v) {
        if (v == null || v instanceof Value.Null) return null;
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.Num n) return n.value();
        if (v instanceof Value.Text t) return t.value();
        if (v instanceof Value.Array a) return a.items().stream().map(GardenPublisher::json).toList();
        if (v instanceof Value.Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.entries().forEach((k, value) -> out.put(k, json(value)));
            return out;
        }
        if (v instanceof DvLink l) return l.markdown();
        return Values.toString(v, QuerySettings.DEFAULTS);
    }

    /** The permalink of every note with a dataview block, a base block or an embedded base, to its vault path: the local server's tag pages. */
    public Map<String, String> permalinks() {
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT DISTINCT ?path ?permalink ?dgpath WHERE { { ?note vg:dataviewQuery ?query } UNION { ?note vg:baseBlock ?block } "
                + "UNION { ?note vg:embeds ?base . ?base a vg:Base } ?note vg:path ?path "
                + "OPTIONAL { ?note <" + iris.field("dg-permalink") + "> ?permalink } OPTIONAL { ?note <" + iris.field("dg-path") + "> ?dgpath } } ORDER BY ?path"));
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEachRemaining(r -> {
            String path = r.get("path").getLiteralLexicalForm();
            String custom = r.get("permalink") == null ? null : r.get("permalink").getLiteralLexicalForm();
            String dgPath = r.get("dgpath") == null ? null : r.get("dgpath").getLiteralLexicalForm();
            out.putIfAbsent(GardenNotes.permalinkOf(path, custom, dgPath), path);
        });
        return out;
    }
}
