package org.vaultgraph.server;

import java.util.Optional;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.LinkAddresses;

/**
 * Addresses on the local server: a note's page and an attachment's file are the paths of their IRIs,
 * so every link of a served page leads to this server, wherever it runs.
 *
 * <pre>{@code new ServerAddresses(iris, files).href("Research/Tags/L4-L5.md", "#Anatomy") // Optional["/note/Research/Tags/L4-L5#anatomy"]}</pre>
 */
record ServerAddresses(IriMinter iris, GraphLinks files) implements LinkAddresses {
    @Override
    public Optional<String> href(String vaultPath, String subpath) {
        if (files.isAttachment(vaultPath)) return Optional.of(local(iris.attachment(vaultPath)));
        if (!files.isNote(vaultPath)) return Optional.empty();
        return Optional.of(local(iris.note(vaultPath)) + LinkAddresses.fragment(subpath));
    }

    /** The path on this server of one of the vault's IRIs. */
    String local(String iri) {
        return iri.startsWith(iris.base()) ? "/" + iri.substring(iris.base().length()) : iri;
    }
}
