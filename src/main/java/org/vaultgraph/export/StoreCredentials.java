package org.vaultgraph.export;

import java.net.URI;
import org.apache.jena.http.HttpLib;
import org.apache.jena.http.auth.AuthEnv;

/**
 * How to log in to a store: a user name and password, answered with Basic or Digest
 * authentication as the store's challenge asks, or a bearer token sent with every request, or
 * nothing. Jena's HTTP layer does the answering; these are handed to it for one endpoint only, for
 * as long as the returned registration is open.
 *
 * <pre>{@code
 * try (StoreCredentials.Registration login = StoreCredentials.password("alice", secret).register(endpoint)) {
 *     GSP.service(endpoint.toString()).graphName(g).PUT(graph);
 * }
 * }</pre>
 */
public record StoreCredentials(String user, String password, String token) {

    public static final StoreCredentials NONE = new StoreCredentials(null, null, null);

    public static StoreCredentials password(String user, String password) {
        return new StoreCredentials(user, password == null ? "" : password, null);
    }

    public static StoreCredentials bearer(String token) {
        return new StoreCredentials(null, null, token);
    }

    /** Gives these credentials to Jena's HTTP layer for requests under {@code endpoint}. */
    public Registration register(URI endpoint) {
        // Jena keeps credentials in one registry per JVM, by URL prefix: register for this endpoint only, and withdraw after.
        URI key = HttpLib.endpointURI(endpoint);
        AuthEnv auth = AuthEnv.get();
        if (user != null) auth.registerUsernamePassword(key, user, password);
        if (token != null) auth.setBearerToken(key.toString(), token);
        return () -> {
            if (user != null) auth.unregisterUsernamePassword(key);
            if (token != null) auth.setBearerToken(key.toString(), null);
        };
    }

    /** An open registration; closing it withdraws the credentials. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        // Never print a secret.
        return user != null ? "user " + user : token != null ? "bearer token" : "no credentials";
    }
}
