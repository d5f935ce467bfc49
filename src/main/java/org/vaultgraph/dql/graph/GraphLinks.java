package org.vaultgraph.dql.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.LinkResolver;

/**
 * Resolves link targets against the files the graph knows, the way Obsidian resolves them in the vault.
 *
 * <pre>{@code GraphLinks links = GraphLinks.load(sparql, iris); links.resolve("L4-L5", "Research/a.md");}</pre>
 */
public final class GraphLinks {
    private final LinkResolver resolver;
    private final Set<String> attachments;
    private final IriMinter iris;
    private final java.util.Map<String, String> pathByIri;
    private final List<String> notePaths;
    private final Set<String> allPaths;
    private final Set<String> noteSet;
    private final boolean inNamedGraphs;

    private GraphLinks(LinkResolver resolver, Set<String> attachments, IriMinter iris, java.util.Map<String, String> pathByIri, boolean inNamedGraphs) {
        this.inNamedGraphs = inNamedGraphs;
        this.resolver = resolver;
        this.attachments = attachments;
        this.iris = iris;
        this.pathByIri = pathByIri;
        List<String> notes = new java.util.ArrayList<>();
        for (String path : pathByIri.values()) if (!attachments.contains(path)) notes.add(path);
        notes.sort(null);
        this.notePaths = List.copyOf(notes);
        this.allPaths = new HashSet<>(pathByIri.values());
        this.noteSet = new HashSet<>(notes);
    }

    public static GraphLinks load(SparqlService sparql, IriMinter iris) {
        return load(sparql, iris, false);
    }

    /** @param inNamedGraphs read the files from the named graphs (a store whose default graph is not their union) */
    public static GraphLinks load(SparqlService sparql, IriMinter iris, boolean inNamedGraphs) {
        Query query = QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT DISTINCT ?file ?path ?attachment WHERE { " + files(inNamedGraphs) + " }");
        RowSetRewindable rows = sparql.select(query);
        List<String> paths = new java.util.ArrayList<>();
        Set<String> attachments = new HashSet<>();
        java.util.Map<String, String> pathByIri = new java.util.HashMap<>();
        rows.forEachRemaining(row -> {
            String path = row.get("path").getLiteralLexicalForm();
            paths.add(path);
            pathByIri.put(row.get("file").getURI(), path);
            if (Boolean.parseBoolean(row.get("attachment").getLiteralLexicalForm())) attachments.add(path);
        });
        return new GraphLinks(LinkResolver.of(paths), attachments, iris, pathByIri, inNamedGraphs);
    }

    /**
     * The files after an edit of some paths: this same snapshot when none of them appeared, went or
     * changed between note and attachment (an edit of text), else the files read again.
     */
    public GraphLinks after(SparqlService sparql, Set<String> changed) {
        if (changed.isEmpty()) return this;
        String values = QueryTemplate.values("path", changed.stream().map(org.apache.jena.graph.NodeFactory::createLiteralString).toList());
        Query query = QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT DISTINCT ?path ?attachment WHERE { " + values + files(inNamedGraphs) + " }");
        Set<String> present = new HashSet<>();
        boolean same = true;
        for (RowSetRewindable rows = sparql.select(query); rows.hasNext(); ) {
            var row = rows.next();
            String path = row.get("path").getLiteralLexicalForm();
            present.add(path);
            same &= allPaths.contains(path) && attachments.contains(path) == Boolean.parseBoolean(row.get("attachment").getLiteralLexicalForm());
        }
        for (String path : changed) same &= present.contains(path) == allPaths.contains(path);
        return same ? this : load(sparql, iris, inNamedGraphs);
    }

    private static String files(boolean inNamedGraphs) {
        String pattern = "?file vg:path ?path . BIND(EXISTS { ?file a vg:Attachment } AS ?attachment)";
        return inNamedGraphs ? "GRAPH ?g { " + pattern + " }" : pattern;
    }

    /** The vault path of a note or file IRI, or null for any other IRI. */
    public String pathOf(String iri) {
        return pathByIri.get(iri);
    }

    /** Every note's vault path, in the order of their UTF-16 code units. */
    public List<String> notePaths() {
        return notePaths;
    }

    /** Every file's vault path, notes and attachments. */
    public Set<String> paths() {
        return java.util.Collections.unmodifiableSet(allPaths);
    }

    private volatile Set<String> folders;

    /** Every folder that holds a file, at any depth ("" not included), in path order; computed once per snapshot. */
    public Set<String> folders() {
        Set<String> known = folders;
        if (known == null) {
            Set<String> out = new HashSet<>();
            for (String p : allPaths) {
                // A file's folder, then its parents, until one already known (whose parents are too).
                for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                    if (!out.add(p.substring(0, slash))) break;
                }
            }
            folders = known = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(out));
        }
        return known;
    }

    /** Whether a vault path is a note's. */
    public boolean isNote(String path) {
        return noteSet.contains(path);
    }

    /** Whether some file of the vault lies under this folder. */
    public boolean folderExists(String folder) {
        String prefix = folder + "/";
        for (String path : pathByIri.values()) if (path.startsWith(prefix)) return true;
        return false;
    }

    /** Whether a file (note or attachment) has exactly this vault path. */
    public boolean fileExists(String path) {
        return allPaths.contains(path);
    }

    /** Whether a vault path is a file that is not a note. */
    public boolean isAttachment(String path) {
        return attachments.contains(path);
    }

    /** The vault path a link names, or empty. */
    public Optional<String> resolvePath(String target, String fromPath) {
        return resolver.resolve(target, fromPath);
    }

    /** The IRI of the note at a vault path. */
    public String iriOfNote(String path) {
        return iris.note(path);
    }

    /** The IRI of the attachment at a vault path. */
    public String iriOfAttachment(String path) {
        return iris.attachment(path);
    }

    /** The IRI of the file a link names, or empty. */
    public Optional<String> resolve(String target, String fromPath) {
        return resolver.resolve(target, fromPath)
                .map(path -> attachments.contains(path) ? iris.attachment(path) : iris.note(path));
    }
}
