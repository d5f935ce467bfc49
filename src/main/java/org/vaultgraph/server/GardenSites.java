package org.vaultgraph.server;

import java.util.function.Supplier;
import org.apache.jena.riot.system.PrefixMap;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.GardenPublisher;

/** The garden of the graph as it is now: a new {@link GardenSite} whenever the publisher is made again after a change. */
final class GardenSites implements Supplier<GardenSite> {
    private final Supplier<GardenPublisher> publishers;
    private final SparqlService sparql;
    private final IriMinter iris;
    private final PrefixMap prefixes;
    private GardenPublisher madeFor;
    private GardenSite current;

    /** @param publishers the publisher of the graph as it is now, or null when the server has none */
    GardenSites(Supplier<GardenPublisher> publishers, SparqlService sparql, IriMinter iris, PrefixMap prefixes) {
        this.publishers = publishers;
        this.sparql = sparql;
        this.iris = iris;
        this.prefixes = prefixes;
    }

    /** The current garden, or null when the server has no publisher. */
    @Override
    public synchronized GardenSite get() {
        GardenPublisher publisher = publishers == null ? null : publishers.get();
        if (publisher == null) return null;
        if (publisher != madeFor) {
            current = new GardenSite(publisher, sparql, iris, prefixes);
            madeFor = publisher;
        }
        return current;
    }
}
