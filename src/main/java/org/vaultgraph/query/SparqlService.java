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
