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
import org.vaultgraph.render.DelimitedTable;
import org.vaultgraph.render.MarkdownExport;
import org.vaultgraph.render.ResultJson;
import org.vaultgraph.render.TextTable;
import org.vaultgraph.rdf.IriMinter;
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

    private static final java.util.Set<String> FORMATS = java.util.Set.of("text", "html", "csv", "tsv", "json", "markdown");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) throw new UsageException("unknown format '" + format + "'; expected text, html, csv, tsv, json or markdown");
        if (endpoint != null && storeOptions.tdb != null) throw new UsageException("--endpoint and --tdb: choose one");
        if (endpoint == null) VaultReader.checkRoot(argument.vault);
        ZoneId zone = ZoneId.systemDefault();
        OpenedGraph graph = null;
        SparqlService sparql;
        GraphPages pages;
        if (endpoint != null) {
            String base = options.base != null ? options.base : options.loader(err).mappingFor(argument.vault).base();
            sparql = SparqlService.remote(endpoint);
            pages = GraphPages.remote(sparql, new IriMinter(base), zone);
        } else {
            graph = storeOptions.open(argument.vault, options, err, false);
            sparql = SparqlService.local(graph.store().dataset());
            pages = GraphPages.of(sparql, graph.mapper().iris(), zone);
        }
        try {
            GraphLinks links = pages.files();
            String current = null;
            if (from != null) {
                current = links.resolvePath(from, "").orElseThrow(() -> new UsageException("--from: no note named '" + from + "' in the vault"));
            }
            DqlEngine engine = new DqlEngine(pages, QuerySettings.DEFAULTS, DvClock::system);
            if (showSparql) out.println(engine.describeSource(query, current));
            DqlResult result = engine.run(query, current);
            if (isEmpty(result)) {
                for (String source : engine.emptySources(query, current)) {
                    err.println("dql: FROM " + source + " names no note (tags match in any case, with their subtags; folders and links are exact)");
                }
            }
            switch (chosen) {
                case "html" -> out.println(new DataviewRenderer(new ObsidianHtml(new GraphLinkTargets(sparql, links, current == null ? "" : current)),
                        new Cells(QuerySettings.DEFAULTS, zone)).render(result));
                case "csv" -> out.print(DelimitedTable.csv(result));
                case "tsv" -> out.print(DelimitedTable.tsv(result));
                case "json" -> out.println(ResultJson.of(result));
                case "markdown" -> out.print(MarkdownExport.of(result, QuerySettings.DEFAULTS));
                default -> out.print(TextTable.render(result));
            }
            out.flush();
            err.flush();
            return 0;
        } finally {
            if (graph != null) graph.close();
        }
    }

    private static boolean isEmpty(DqlResult result) {
        if (result instanceof DqlResult.Table t) return t.rows().isEmpty();
        if (result instanceof DqlResult.Listing l) return l.items().isEmpty();
        if (result instanceof DqlResult.Tasks t) return t.grouping().count() == 0;
        return ((DqlResult.Calendar) result).dates().isEmpty();
    }
}
