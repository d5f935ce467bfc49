package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vaultgraph.DataviewAnswer;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph dql}: runs a Dataview query on the vault's graph. */
@Command(name = "dql", mixinStandardHelpOptions = true,
        description = {"Runs a Dataview query (DQL) on the vault's graph, as Dataview's own engine runs it.",
            "For example:%n  vaultgraph dql data/vault 'TABLE type FROM \"Research/Tags\" GROUP BY type'"})
final class DqlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Parameters(index = "1", paramLabel = "QUERY", description = "The query, e.g. 'LIST FROM #insight SORT file.name'.")
    String query;

    @Mixin
    VaultOptions options;

    @Option(names = "--from", paramLabel = "NOTE",
            description = "The note the query is written in, as a link names it: what [[]] and 'this' stand for.")
    String from;

    @Option(names = "--sparql", description = "Print the SPARQL that finds the query's pages before its result.")
    boolean showSparql;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a table for the terminal), html (what Dataview draws), csv, tsv, json (each value typed) "
                    + "or markdown (what Dataview's markdown export writes). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Run the query on the graph of this SPARQL endpoint instead of reading the vault, for example%n"
                    + "  http://127.0.0.1:3030/vault/sparql")
    String endpoint;

    private static final Set<String> FORMATS = Set.of("text", "html", "csv", "tsv", "json", "markdown");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) throw new UsageException("unknown format '" + format + "'; expected text, html, csv, tsv, json or markdown");
        if (endpoint != null && storeOptions.tdb != null) throw new UsageException("--endpoint and --tdb: choose one");
        if (endpoint == null) VaultReader.checkRoot(argument.vault);
        try (VaultGraph graph = storeOptions.applyTo(options.graph(argument.vault, err)).build()) {
            DataviewAnswer answer;
            try {
                if (endpoint != null) {
                    answer = graph.dql(query, from, endpoint);
                } else {
                    options.read(graph, err);
                    if (showSparql) out.println(graph.dqlPagesQuery(query, from));
                    answer = graph.dql(query, from);
                }
            } catch (IllegalArgumentException e) {
                // The one mistake the graph can find in the command line: a --from that names no note.
                if (from == null) throw e;
                throw new UsageException("--from: " + e.getMessage());
            }
            if (answer.isEmpty()) {
                for (String source : answer.sourcesNamingNothing()) {
                    err.println("dql: FROM " + source + " names no note (tags match in any case, with their subtags; folders and links are exact)");
                }
            }
            switch (chosen) {
                case "html" -> out.println(answer.html());
                case "csv" -> out.print(answer.csv());
                case "tsv" -> out.print(answer.tsv());
                case "json" -> out.println(answer.json());
                case "markdown" -> out.print(answer.markdown());
                default -> out.print(answer.text());
            }
        }
        out.flush();
        err.flush();
        return 0;
    }
}
