package org.vaultgraph.bases.graph;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.eval.FileSource;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.query.GraphTriples;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * A vault's files as bases see them, read from the graph: each file's facts from its own named
 * graph ({@link FileReader}), a batch of files at a time, kept (a bounded number) for the life of this
 * object, which is one snapshot of the graph; links resolved against the files the graph knows.
 *
 * <pre>{@code GraphFiles files = GraphFiles.of(SparqlService.local(dataset), iris, ZoneId.systemDefault());}</pre>
 */
public final class GraphFiles implements FileSource {
    private static final int BATCH = 200;
    private static final int KEPT = 20_000;

    private final SparqlService sparql;
    private final IriMinter iris;
    private final GraphLinks links;
    private final FileReader reader;
    private final Map<String, FileFacts> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileFacts> eldest) {
            return size() > KEPT;
        }
    });
    private final Map<String, List<String>> backlinks = new java.util.concurrent.ConcurrentHashMap<>();

    private GraphFiles(SparqlService sparql, IriMinter iris, GraphLinks links, ZoneId zone) {
        this.sparql = sparql;
        this.iris = iris;
        this.links = links;
        this.reader = new FileReader(links, zone);
    }

    public static GraphFiles of(SparqlService sparql, IriMinter iris, ZoneId zone) {
        return new GraphFiles(sparql, iris, GraphLinks.load(sparql, iris), zone);
    }

    /** With the vault's files already listed (one snapshot shared with Dataview's pages). */
    public static GraphFiles of(SparqlService sparql, IriMinter iris, GraphLinks links, ZoneId zone) {
        return new GraphFiles(sparql, iris, links, zone);
    }

    public SparqlService sparql() {
        return sparql;
    }

    public IriMinter iris() {
        return iris;
    }

    public GraphLinks links() {
        return links;
    }

    /** The IRI of the file at a vault path: a note's or another file's. */
    public String iriOf(String path) {
        return links.isAttachment(path) || !links.isNote(path) && !path.toLowerCase(java.util.Locale.ROOT).endsWith(".md")
                ? iris.attachment(path) : iris.note(path);
    }

    /** Every folder that holds a file, at any depth ("" not included). */
    public Set<String> folders() {
        return links.folders();
    }

    @Override
    public String resolve(String linkText, String fromPath) {
        return links.resolvePath(linkText, fromPath == null ? "" : fromPath).orElse(null);
    }

    @Override
    public FileFacts file(String path) {
        FileFacts known = cache.get(path);
        if (known != null) return known;
        if (!links.fileExists(path)) return null;
        prefetch(List.of(path));
        return cache.get(path);
    }

    @Override
    public void prefetch(Collection<String> paths) {
        List<String> missing = new ArrayList<>();
        for (String p : paths) if (!cache.containsKey(p) && links.fileExists(p)) missing.add(p);
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<String> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            Map<String, String> pathByGraph = new HashMap<>();
            for (String p : batch) pathByGraph.put(iriOf(p), p);
            Map<String, GraphTriples> triples = GraphTriples.read(sparql, pathByGraph.keySet());
            for (Map.Entry<String, String> e : pathByGraph.entrySet()) {
                GraphTriples t = triples.get(e.getKey());
                if (t != null) cache.put(e.getValue(), reader.read(e.getValue(), NodeFactory.createURI(e.getKey()), t));
            }
        }
    }

    @Override
    public List<String> backlinks(String path) {
        return backlinks.computeIfAbsent(path, p -> {
            List<String> out = new ArrayList<>();
            sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT DISTINCT ?path WHERE { ?src vg:linksTo <" + iriOf(p)
                    + "> ; vg:path ?path }")).forEachRemaining(row -> out.add(row.get("path").getLiteralLexicalForm()));
            out.sort(null);
            return List.copyOf(out);
        });
    }

    /** The paths a SPARQL query's {@code ?path} gives, in path order. */
    public List<String> select(String query) {
        List<String> out = new ArrayList<>();
        sparql.select(QueryFactory.create(query)).forEachRemaining(row -> out.add(row.get("path").getLiteralLexicalForm()));
        out.sort(null);
        return out;
    }
}
