package org.vaultgraph.export;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.GSP;

/**
 * One store's Graph Store Protocol endpoint, spoken through Jena's {@link GSP} (which answers
 * Basic and Digest challenges and adds bearer tokens from the credentials registered with Jena),
 * with the store's refusals turned into one readable line.
 */
final class GraphStoreClient {
    private final URI endpoint;

    GraphStoreClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    /** Replaces the graph's content. */
    void put(String graph, Graph content) {
        call("PUT", graph, () -> gsp(graph).contentType(RDFFormat.NTRIPLES).PUT(content));
    }

    /** Removes the graph; one the store no longer has is already removed. */
    void delete(String graph) {
        call("DELETE", graph, () -> {
            try {
                gsp(graph).DELETE();
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) throw e;
            }
        });
    }

    /** The graph's content, or null when the store has no such graph. */
    Graph get(String graph) {
        Graph[] got = new Graph[1];
        call("GET", graph, () -> {
            try {
                got[0] = gsp(graph).acceptHeader("application/n-triples").GET();
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) throw e;
            }
        });
        return got[0];
    }

    private GSP gsp(String graph) {
        return GSP.service(endpoint.toString()).graphName(graph);
    }

    /** How many times a request whose connection dropped is sent again: PUT, DELETE and GET may be repeated safely. */
    private static final int RETRIES = 2;

    private void call(String method, String graph, Runnable request) {
        for (int attempt = 0; ; attempt++) {
            try {
                request.run();
                return;
            } catch (HttpException e) {
                // A store may close a kept-alive connection as the request goes out (Virtuoso under load does).
                if (attempt < RETRIES && dropped(e)) {
                    pause(200L << attempt);
                    continue;
                }
                throw new GraphStorePush.PushException(describe(method, graph, e));
            }
        }
    }

    /** Whether the request got no answer because its connection was lost, rather than refused, unknown, timed out or untrusted. */
    private static boolean dropped(HttpException e) {
        if (e.getStatusCode() > 0) return false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException
                    || cause instanceof HttpTimeoutException || cause instanceof SSLException) {
                return false;
            }
            if (cause instanceof java.io.IOException) return true;
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String describe(String method, String graph, HttpException e) {
        int status = e.getStatusCode();
        if (status <= 0) return "cannot reach " + endpoint + ": " + reason(e);
        String said = e.getResponse() == null ? "" : e.getResponse().strip().lines().findFirst().orElse("");
        if (said.length() > 200) said = said.substring(0, 200) + "...";
        String hint = status == 401 || status == 403 ? " (check --user with --password-file, or --token-file)" : "";
        return method + " of graph " + graph + " refused by " + endpoint + ": HTTP " + status + (said.isEmpty() ? "" : " " + said) + hint;
    }

    /** Why a request got no answer at all, in words. */
    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) return "connection refused";
            if (cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException) return "unknown host";
            if (cause instanceof HttpTimeoutException) return "no answer in time";
            if (cause instanceof SSLException) {
                return "TLS failed (" + cause.getMessage() + "); a store whose certificate is not signed by a public authority needs it in "
                        + "this Java's trust store, or -Djavax.net.ssl.trustStore=FILE";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
