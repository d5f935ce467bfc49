package org.vaultgraph.query;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Where queries run: a local dataset, or a SPARQL endpoint over HTTP. Results are read whole.
 *
 * <pre>{@code
 * SparqlService local = SparqlService.local(store.dataset());
 * RowSetRewindable rows = local.select(query);
 * SparqlService remote = SparqlService.remote("http://127.0.0.1:3030/vault/sparql");
 * }</pre>
 */
public interface SparqlService {

    RowSetRewindable select(Query query);

    boolean ask(Query query);

    /** The graph a CONSTRUCT or DESCRIBE query builds. */
    Graph graph(Query query);

    /**
     * The triples of the named graphs with these IRIs, in one request; a graph the store does not have
     * is absent from the map.
     */
    default java.util.Map<String, java.util.List<org.apache.jena.graph.Triple>> namedGraphs(java.util.Collection<String> graphIris) {
        java.util.Map<String, java.util.List<org.apache.jena.graph.Triple>> graphs = new java.util.HashMap<>();
        if (graphIris.isEmpty()) return graphs;
        String values = QueryTemplate.values("g", graphIris.stream().map(org.apache.jena.graph.NodeFactory::createURI).toList());
        select(org.apache.jena.query.QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { " + values + "GRAPH ?g { ?s ?p ?o } }"))
                .forEachRemaining(row -> graphs.computeIfAbsent(row.get("g").getURI(), k -> new java.util.ArrayList<>())
                        .add(org.apache.jena.graph.Triple.create(row.get("s"), row.get("p"), row.get("o"))));
        return graphs;
    }

    static SparqlService local(DatasetGraph dataset) {
        return local(dataset, null);
    }

    /**
     * A local dataset whose selects may run for {@code timeout} instead of the time limit its context
     * sets for queries (null: that limit): for the server's own reads of the whole graph.
     */
    static SparqlService local(DatasetGraph dataset, java.time.Duration timeout) {
        return new SparqlService() {
            @Override
            public RowSetRewindable select(Query query) {
                return Txn.calculateRead(dataset, () -> {
                    var builder = QueryExec.dataset(dataset).query(query);
                    if (timeout != null) builder.timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    try (QueryExec exec = builder.build()) {
                        // A store's rows may look their values up lazily; detached, they outlive the transaction.
                        RowSet rows = exec.select();
                        java.util.List<org.apache.jena.sparql.engine.binding.Binding> detached = new java.util.ArrayList<>();
                        rows.forEachRemaining(row -> detached.add(row.detach()));
                        return RowSetMem.create(RowSetStream.create(rows.getResultVars(), detached.iterator()));
                    }
                });
            }

            @Override
            public boolean ask(Query query) {
                return Txn.calculateRead(dataset, () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                        return exec.ask();
                    }
                });
            }

            @Override
            public Graph graph(Query query) {
                return Txn.calculateRead(dataset, () -> run(QueryExec.dataset(dataset).query(query), query));
            }

            @Override
            public java.util.Map<String, java.util.List<org.apache.jena.graph.Triple>> namedGraphs(java.util.Collection<String> graphIris) {
                // Read straight from the dataset: no query to write, parse and plan for each batch of notes.
                return Txn.calculateRead(dataset, () -> {
                    java.util.Map<String, java.util.List<org.apache.jena.graph.Triple>> graphs = new java.util.HashMap<>();
                    for (String iri : graphIris) {
                        java.util.List<org.apache.jena.graph.Triple> triples = new java.util.ArrayList<>();
                        dataset.find(org.apache.jena.graph.NodeFactory.createURI(iri), org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                                org.apache.jena.graph.Node.ANY).forEachRemaining(quad -> triples.add(quad.asTriple()));
                        if (!triples.isEmpty()) graphs.put(iri, triples);
                    }
                    return graphs;
                });
            }
        };
    }

    static SparqlService remote(String endpoint) {
        return new SparqlService() {
            @Override
            public RowSetRewindable select(Query query) {
                return reaching(endpoint, () -> {
                    try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                        return RowSetMem.create(exec.select());
                    }
                });
            }

            @Override
            public boolean ask(Query query) {
                return reaching(endpoint, () -> {
                    try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                        return exec.ask();
                    }
                });
            }

            @Override
            public Graph graph(Query query) {
                return reaching(endpoint, () -> run(QueryExecHTTP.service(endpoint).query(query), query));
            }
        };
    }

    /** Runs a request to {@code endpoint}; an endpoint that cannot be reached is named, with the reason, in one line. */
    private static <T> T reaching(String endpoint, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String reason = cause instanceof java.net.ConnectException ? "connection refused"
                        : cause instanceof java.net.UnknownHostException ? "unknown host"
                        : cause instanceof java.net.http.HttpTimeoutException ? "no answer in time"
                        : null;
                if (reason != null) throw new QueryException("cannot reach the SPARQL endpoint " + endpoint + ": " + reason);
            }
            throw e;
        }
    }

    private static Graph run(QueryExecBuilder builder, Query query) {
        try (QueryExec exec = builder.build()) {
            return query.isDescribeType() ? exec.describe() : exec.construct();
        }
    }
}
