package org.vaultgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.RiotException;
import org.vaultgraph.rdf.MappingException;
import org.vaultgraph.vault.VaultException;

/** Turns an exception into the one line a user reads. */
final class Failures {
    private Failures() {}

    static String describe(Throwable e) {
        if (e instanceof VaultException || e instanceof MappingException
                || e instanceof org.vaultgraph.query.QueryException || e instanceof UsageException || e instanceof CommandFailure
                || e instanceof org.vaultgraph.dql.syntax.DqlException || e instanceof org.vaultgraph.bases.BaseException || e instanceof org.vaultgraph.export.GraphStorePush.PushException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException n) return "file not found: " + n.getFile();
        // Our own wrappers say what was being done; Java's say only what failed.
        if (e instanceof UncheckedIOException u) return u.getMessage() != null && !u.getMessage().startsWith("java.") ? u.getMessage() : describe(u.getCause());
        if (e instanceof IOException io) return io.getClass().getSimpleName() + ": " + io.getMessage();
        if (e instanceof HttpException h) return "SPARQL endpoint answered " + h.getMessage();
        if (e instanceof QueryException q) return "query failed: " + q.getMessage();
        if (e instanceof RiotException r) return "RDF error: " + r.getMessage();
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
