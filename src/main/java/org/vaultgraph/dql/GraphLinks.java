package org.vaultgraph.dql;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.LinkResolver;

/**
 * Resolves link targets against the files the graph knows, the way Obsidian resolves them in the vault.
 *
 * <pre>{@code GraphLinks links = GraphLinks.load(sparql, iris); links.resolve("L4-L5", "Research/a.md");}</pre>
 */
public final class GraphLinks implements SparqlCompiler.LinkLookup {
    private final LinkResolver resolver;
    private final Set<String> attachments;
    private final IriMinter iris;

    private GraphLinks(LinkResolver resolver, Set<String> attachments, IriMinter iris) {
        this.resolver = resolver;
        this.attachments = attachments;
        this.iris = iris;
    }

    public static GraphLinks load(SparqlService sparql, IriMinter iris) {
        Query query = QueryFactory.create("PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT ?path ?attachment WHERE { ?file vg:path ?path . BIND(EXISTS { ?file a vg:Attachment } AS ?attachment) }");
        RowSetRewindable rows = sparql.select(query);
        List<String> paths = new java.util.ArrayList<>();
        Set<String> attachments = new HashSet<>();
        rows.forEachRemaining(row -> {
            String path = row.get("path").getLiteralLexicalForm();
            paths.add(path);
            if (Boolean.parseBoolean(row.get("attachment").getLiteralLexicalForm())) attachments.add(path);
        });
        return new GraphLinks(LinkResolver.of(paths), attachments, iris);
    }

    /** The vault path a link names, or empty. */
    public Optional<String> resolvePath(String target, String fromPath) {
        return resolver.resolve(target, fromPath);
    }

    @Override
    public Optional<String> resolve(String target, String fromPath) {
        return resolver.resolve(target, fromPath)
                .map(path -> attachments.contains(path) ? iris.attachment(path) : iris.note(path));
    }
}
