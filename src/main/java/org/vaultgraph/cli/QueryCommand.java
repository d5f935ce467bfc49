package org.vaultgraph.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.vaultgraph.SparqlAnswer;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph query}: runs a SPARQL query file against a vault or a running server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query file against a vault, or against a running server with --endpoint.",
            "Parameters that the file declares ('# @param name ...') are given with --param name=value; values are "
                + "substituted into the parsed query, never pasted into its text."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "[VAULT] FILE",
            description = "The vault folder (default: the current folder) and the query file (.rq).")
    List<Path> paths;

    @Mixin
    VaultOptions options;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A value for a parameter of the query; write <...> for an IRI.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, csv, tsv, json or xml (default: ${DEFAULT-VALUE}); CONSTRUCT and DESCRIBE write Turtle.")
    String format;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Query this SPARQL endpoint instead of reading the vault, for example%n  http://127.0.0.1:3030/vault/sparql")
    String endpoint;

    @Override
    public Integer call() throws Exception {
        Path vault = paths.size() == 2 ? paths.get(0) : Path.of(".");
        try {
            SparqlAnswer.checkFormat(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> values = values(params);
        PrintWriter err = spec.commandLine().getErr();
        try (VaultGraph graph = storeOptions.applyTo(options.graph(vault, err)).build()) {
            // Parsed and bound before anything is loaded: a mistake in the query shows at once.
            Query query;
            try {
                query = graph.bind(paths.get(paths.size() - 1), values);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (endpoint == null) VaultReader.checkRoot(vault);
            SparqlAnswer answer;
            if (endpoint != null) {
                answer = graph.query(query, endpoint);
            } else {
                options.read(graph, err);
                answer = graph.query(query);
            }
            try (OutputStream out = new WriterOutputStream(spec.commandLine().getOut())) {
                answer.write(out, format);
            }
        }
        return 0;
    }

    /** The --param values by name; each must be NAME=VALUE. */
    private static Map<String, String> values(List<String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : params) {
            int equals = param.indexOf('=');
            if (equals < 0) throw new UsageException("--param " + param + " has no value: write --param " + param + "=VALUE");
            if (equals == 0) throw new UsageException("--param " + param + " has no name: write --param NAME=VALUE");
            values.put(param.substring(0, equals), param.substring(equals + 1));
        }
        return values;
    }
}
