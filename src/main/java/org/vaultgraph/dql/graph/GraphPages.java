package org.vaultgraph.dql.graph;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.vaultgraph.dql.PageSource;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.query.GraphTriples;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * A vault's pages for Dataview queries, read from the graph: FROM clauses become index lookups (tags,
 * links, folders), and each page is read back from its note's named graph by {@link PageReader}.
 * Pages are read in batches and kept (a bounded number) for the life of this object, which is one
 * snapshot of the graph.
 *
 * <pre>{@code PageSource pages = GraphPages.of(SparqlService.local(dataset), iris, ZoneId.systemDefault());}</pre>
 */
public final class GraphPages implements PageSource {
    private static final int BATCH = 200;
    private static final int KEPT = 20_000;

    private final SparqlService sparql;
    private final IriMinter iris;
    private final boolean inNamedGraphs;
    private final GraphLinks files;
    private final PageReader reader;
    private final ZoneId zone;
    private final Map<String, SortedPaths> folders = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Value.Obj> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Value.Obj> eldest) {
            return size() > KEPT;
        }
    });

    private GraphPages(SparqlService sparql, IriMinter iris, GraphLinks files, ZoneId zone, boolean inNamedGraphs) {
        this.sparql = sparql;
        this.iris = iris;
        this.inNamedGraphs = inNamedGraphs;
        this.files = files;
        this.zone = zone;
        this.reader = new PageReader(files, zone);
    }

    /** @param zone the zone dates without one are read in (Dataview's local time) */
    public static GraphPages of(SparqlService sparql, IriMinter iris, ZoneId zone) {
        return new GraphPages(sparql, iris, GraphLinks.load(sparql, iris), zone, false);
    }

    public static GraphPages of(SparqlService sparql, IriMinter iris, GraphLinks files, ZoneId zone) {
        return new GraphPages(sparql, iris, files, zone, false);
    }

    /**
     * Pages from another store (a team's Fuseki or Virtuoso the vault was pushed to), whose default
     * graph need not be the union of the notes' graphs: every lookup reads the named graphs.
     */
    public static GraphPages remote(SparqlService sparql, IriMinter iris, ZoneId zone) {
        return new GraphPages(sparql, iris, GraphLinks.load(sparql, iris, true), zone, true);
    }

    public GraphLinks files() {
        return files;
    }

    /**
     * The pages after an edit of these vault paths, over {@code after} (the files then): the pages read
     * already are kept but for the edited notes and the notes whose backlinks the edit may change (those
     * an edited note linked to, or links to now); all are read again when files appeared or went.
     */
    public GraphPages after(GraphLinks after, Set<String> changed) {
        GraphPages next = new GraphPages(sparql, iris, after, zone, inNamedGraphs);
        if (after != files) return next;
        Map<String, Value.Obj> kept;
        synchronized (cache) {
            kept = new LinkedHashMap<>(cache);
        }
        Set<String> stale = new HashSet<>(changed);
        kept.forEach((path, page) -> {
            if (changed.contains(path)) stale.addAll(linkPaths(page, "outlinks"));
            for (String linking : linkPaths(page, "inlinks")) if (changed.contains(linking)) stale.add(path);
        });
        stale.forEach(kept::remove);
        next.cache.putAll(kept);
        next.folders.putAll(folders);
        // What the edited notes link to now: those notes' backlinks changed too.
        for (String path : changed) {
            Value.Obj page = next.files.isNote(path) ? next.page(path) : null;
            if (page != null) for (String linked : linkPaths(page, "outlinks")) if (!changed.contains(linked)) next.cache.remove(linked);
        }
        return next;
    }

    private static List<String> linkPaths(Value.Obj page, String key) {
        Value links = ((Value.Obj) page.get("file")).get(key);
        List<String> out = new ArrayList<>();
        if (links instanceof Value.Array a) for (Value v : a.items()) if (v instanceof DvLink l) out.add(l.path());
        return out;
    }

    @Override
    public String resolve(String linkpath, String originPath) {
        return files.resolvePath(linkpath, originPath).orElse(null);
    }

    @Override
    public List<String> paths(Dql.Source source, String originPath) {
        List<String> paths = new ArrayList<>(matching(source, originPath));
        prefetch(paths);
        return paths;
    }

    private Set<String> matching(Dql.Source source, String origin) {
        if (source instanceof Dql.TagSource tag) return select(tagQuery(tag.tag()));
        if (source instanceof Dql.FolderSource folder) return folder(folder.folder());
        if (source instanceof Dql.LinkSource link) return linked(link, origin);
        if (source instanceof Dql.NegatedSource negated) {
            Set<String> all = new LinkedHashSet<>(files.notePaths());
            all.removeAll(matching(negated.child(), origin));
            return all;
        }
        if (source instanceof Dql.BinarySource binary) {
            Set<String> left = matching(binary.left(), origin);
            Set<String> right = matching(binary.right(), origin);
            Set<String> out = new LinkedHashSet<>();
            if (binary.and() && right instanceof SortedPaths && left.size() < right.size()) {
                // Right's order is the paths' order: look up the few (a note's links) in the many (a folder) and sort.
                List<String> found = new ArrayList<>();
                for (String p : left) if (right.contains(p)) found.add(p);
                found.sort(null);
                out.addAll(found);
            } else if (binary.and()) {
                for (String p : right) if (left.contains(p)) out.add(p);
            } else {
                out.addAll(left);
                out.addAll(right);
            }
            return out;
        }
        Dql.CsvSource csv = (Dql.CsvSource) source;
        throw new DqlException("csv(\"" + csv.path() + "\") sources are not supported: the graph does not hold the contents of CSV files");
    }

    /**
     * Notes under a folder ("" is the whole vault); a folder that does not exist may name one file, with or
     * without .md. Listed once per snapshot: a vault's tag pages all ask for the same folder.
     */
    private Set<String> folder(String folder) {
        return folders.computeIfAbsent(folder, this::listFolder);
    }

    private SortedPaths listFolder(String folder) {
        if (folder.isEmpty()) return new SortedPaths(files.notePaths());
        if (files.folderExists(folder)) {
            String prefix = folder + "/";
            return new SortedPaths(files.notePaths().stream().filter(p -> p.startsWith(prefix)).toList());
        }
        if (files.fileExists(folder)) return new SortedPaths(List.of(folder));
        if (files.fileExists(folder + ".md")) return new SortedPaths(List.of(folder + ".md"));
        return new SortedPaths(List.of());
    }

    /** Paths in their natural order, as the vault's notes are listed; never changed once made (folders are shared). */
    private static final class SortedPaths extends LinkedHashSet<String> {
        SortedPaths(java.util.Collection<String> sorted) {
            super(sorted);
        }
    }

    /** Notes with a tag, or a tag below it (their tags are linked to their parents by skos:broader). */
    private String tagQuery(String tag) {
        return query("?n vg:tag/<" + VG.SKOS + "broader>* <" + iris.tag(tag) + "> ; a vg:Note ; vg:path ?path");
    }

    /** Notes that link to a resource. */
    private String incomingQuery(String iri) {
        return query("?n vg:linksTo <" + iri + "> ; a vg:Note ; vg:path ?path");
    }

    /** The resource a link names from the origin: a note, a file, or the unresolved target of that name. */
    private String targetIri(String linkpath, String origin) {
        String target = files.resolvePath(linkpath, origin).orElse(null);
        if (target == null) return iris.unresolved(linkpath);
        return files.isAttachment(target) ? iris.attachment(target) : iris.note(target);
    }

    /** {@code [[X]]}: notes that link to X; {@code outgoing([[X]])}: notes X links to; for a name no file has, notes that link to that name. */
    private Set<String> linked(Dql.LinkSource link, String origin) {
        String target = files.resolvePath(link.target(), origin).orElse(null);
        String iri = targetIri(link.target(), origin);
        if (target == null || link.incoming()) return select(incomingQuery(iri));
        if (files.isAttachment(target)) {
            throw new DqlException("Could not find file \"" + link.target() + "\" during link lookup - does it exist?");
        }
        // In the order the note writes its links: front matter links, then links, then embeds.
        Set<String> out = new LinkedHashSet<>();
        Value.Obj page = page(target);
        if (page == null) return out;
        for (Value v : ((Value.Array) ((Value.Obj) page.get("file")).get("outlinks")).items()) {
            String path = ((org.vaultgraph.dql.value.DvLink) v).path();
            if (files.isNote(path)) out.add(path);
        }
        return out;
    }

    private String query(String pattern) {
        String where = inNamedGraphs ? "GRAPH ?noteGraph { " + pattern + " }" : pattern;
        return "PREFIX vg: <" + VG.NS + ">\nSELECT DISTINCT ?path WHERE { " + where + " }";
    }

    private Set<String> select(String query) {
        List<String> out = new ArrayList<>();
        sparql.select(QueryFactory.create(query)).forEachRemaining(row -> out.add(row.get("path").getLiteralLexicalForm()));
        out.sort(null);
        return new SortedPaths(out);
    }

    @Override
    public String describe(Dql.Source source, String originPath) {
        StringBuilder out = new StringBuilder("# The pages of the FROM clause, by lookups in the graph:\n");
        describe(source, originPath, out);
        return out.append("# Each page is then read from its note's named graph, ").append(BATCH).append(" notes at a time:\n")
                .append("SELECT ?g ?s ?p ?o WHERE { VALUES ?g { <note IRI> ... } GRAPH ?g { ?s ?p ?o } }\n").toString();
    }

    private void describe(Dql.Source source, String origin, StringBuilder out) {
        if (source instanceof Dql.TagSource tag) {
            out.append("# #").append(tag.tag()).append('\n').append(tagQuery(tag.tag())).append('\n');
        } else if (source instanceof Dql.FolderSource folder) {
            out.append("# \"").append(folder.folder()).append("\": the notes whose vg:path starts with it, from the list of the vault's files\n");
        } else if (source instanceof Dql.LinkSource link) {
            out.append("# ").append(link.incoming() ? "[[" + link.target() + "]]" : "outgoing([[" + link.target() + "]])").append('\n');
            out.append(link.incoming() ? incomingQuery(targetIri(link.target(), origin))
                    : query("<" + targetIri(link.target(), origin) + "> vg:hasLink/vg:target ?n . ?n a vg:Note ; vg:path ?path")).append('\n');
        } else if (source instanceof Dql.NegatedSource negated) {
            out.append("# every note but:\n");
            describe(negated.child(), origin, out);
        } else if (source instanceof Dql.BinarySource binary) {
            describe(binary.left(), origin, out);
            out.append(binary.and() ? "# and\n" : "# or\n");
            describe(binary.right(), origin, out);
        }
    }

    private static final org.vaultgraph.query.QueryTemplate NOTE_GRAPH = new org.vaultgraph.query.QueryTemplate(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");

    /**
     * A note's front matter as Obsidian parses it (Dataview's {@code file.frontmatter}): each key as
     * written, in order; read from the note's graph alone, without the rest of its page.
     */
    public Map<String, Value> frontMatter(String path) {
        Value.Obj known = cache.get(path);
        if (known != null) return ((Value.Obj) ((Value.Obj) known.get("file")).get("frontmatter")).entries();
        if (!files.isNote(path)) return Map.of();
        Node note = NodeFactory.createURI(iris.note(path));
        GraphTriples triples = new GraphTriples();
        sparql.select(NOTE_GRAPH.with("g", note)).forEachRemaining(row -> triples.add(Triple.create(row.get("s"), row.get("p"), row.get("o"))));
        return reader.frontMatter(note, triples);
    }

    @Override
    public Value.Obj page(String path) {
        Value.Obj known = cache.get(path);
        if (known != null) return known;
        if (!files.isNote(path)) return null;
        prefetch(List.of(path));
        return cache.get(path);
    }

    /** Reads the pages not read yet, a batch at a time: each note's graph, and the notes that link to it. */
    private void prefetch(List<String> paths) {
        List<String> missing = new ArrayList<>();
        for (String p : paths) if (!cache.containsKey(p) && !files.isAttachment(p)) missing.add(p);
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<String> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            Map<String, String> pathByIri = new HashMap<>();
            for (String p : batch) pathByIri.put(iris.note(p), p);
            Map<String, GraphTriples> triples = GraphTriples.read(sparql, pathByIri.keySet());
            String values = QueryTemplate.values("t", pathByIri.keySet().stream().map(NodeFactory::createURI).toList());
            Map<String, List<String>> inlinks = new HashMap<>();
            String inlinksPattern = "?src vg:linksTo ?t ; a vg:Note ; vg:path ?path";
            if (inNamedGraphs) inlinksPattern = "GRAPH ?srcGraph { " + inlinksPattern + " }";
            sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT DISTINCT ?t ?path WHERE { " + values
                            + inlinksPattern + " }"))
                    .forEachRemaining(row -> inlinks.computeIfAbsent(row.get("t").getURI(), k -> new ArrayList<>())
                            .add(row.get("path").getLiteralLexicalForm()));
            for (Map.Entry<String, String> e : pathByIri.entrySet()) {
                GraphTriples t = triples.get(e.getKey());
                if (t == null) continue;
                Node note = NodeFactory.createURI(e.getKey());
                cache.put(e.getValue(), reader.read(e.getValue(), note, t, inlinks.getOrDefault(e.getKey(), List.of())));
            }
        }
    }
}
