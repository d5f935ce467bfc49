package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vaultgraph.DataviewAnswer;
import org.vaultgraph.VaultGraph;
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
            description = "text (a table) or html (the table Dataview draws) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("html")) throw new UsageException("unknown format '" + format + "'; expected text or html");
        try (VaultGraph graph = options.graph(argument.vault, err).build()) {
            options.read(graph, err);
            DataviewAnswer answer;
            try {
                if (showSparql) out.println(graph.dqlPagesQuery(query, from));
                answer = graph.dql(query, from);
            } catch (IllegalArgumentException e) {
                // The one mistake the graph can find in the command line: a --from that names no note.
                if (from == null) throw e;
                throw new UsageException("--from: " + e.getMessage());
            }
            if (chosen.equals("html")) out.println(answer.html());
            else out.print(answer.text());
        }
        out.flush();
        return 0;
    }
}
