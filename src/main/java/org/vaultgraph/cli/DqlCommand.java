package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.time.ZoneId;
import org.vaultgraph.dql.DqlEngine;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.render.Cells;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.DataviewRenderer;
import org.vaultgraph.render.GraphLinkTargets;
import org.vaultgraph.render.ObsidianHtml;
import org.vaultgraph.render.TextTable;
import org.vaultgraph.store.VaultLoader;
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
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("html")) throw new UsageException("unknown format '" + format + "'; expected text or html");
        VaultLoader.LoadedVault loaded = options.load(argument.vault, spec.commandLine().getErr());
        SparqlService sparql = SparqlService.local(loaded.store().dataset());
        ZoneId zone = ZoneId.systemDefault();
        GraphPages pages = GraphPages.of(sparql, loaded.mapper().iris(), zone);
        GraphLinks links = pages.files();
        String current = null;
        if (from != null) {
            current = links.resolvePath(from, "").orElseThrow(() -> new UsageException("--from: no note named '" + from + "' in the vault"));
        }
        DqlEngine engine = new DqlEngine(pages, QuerySettings.DEFAULTS, DvClock::system);
        if (showSparql) out.println(engine.describeSource(query, current));
        DqlResult result = engine.run(query, current);
        if (chosen.equals("html")) {
            out.println(new DataviewRenderer(new ObsidianHtml(new GraphLinkTargets(sparql, links, current == null ? "" : current)),
                    new Cells(QuerySettings.DEFAULTS, zone)).render(result));
        } else {
            out.print(TextTable.render(result));
        }
        out.flush();
        return 0;
    }
}
