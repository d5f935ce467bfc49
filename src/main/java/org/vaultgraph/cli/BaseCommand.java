package org.vaultgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.bases.BaseEngine;
import org.vaultgraph.bases.BaseSource;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.BaseHtml;
import org.vaultgraph.render.BaseText;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph base}: runs a view of an Obsidian base on the vault's graph. */
@Command(name = "base", mixinStandardHelpOptions = true,
        description = {"Runs a view of an Obsidian base (.base file) on the vault's graph: one SPARQL query selects the view's "
                + "candidate files, then filters, formulas, sort, groups, limit and summaries run as Obsidian's Bases pages say.",
            "For example:%n  vaultgraph base data/vault 'Research/Tags/Tag table.base' --this 'L4-L5'"})
final class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "[VAULT] FILE.base",
            description = "The vault folder (default: the current folder) and the base file, as a path or a path inside the vault.")
    List<Path> paths;

    @Mixin
    VaultOptions options;

    @Option(names = "--view", paramLabel = "NAME", description = "The view to run (default: the first, as an embed shows it).")
    String view;

    @Option(names = "--this", paramLabel = "NOTE",
            description = "The note the base is embedded in, as a link names it: what 'this' stands for (default: the base file).")
    String self;

    @Option(names = "--sparql", description = "Print the SPARQL query that selects the view's candidate files before its result.")
    boolean showSparql;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, html (as the Digital Garden site draws it), csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "html", "csv", "json").contains(chosen)) {
            throw new UsageException("unknown format '" + format + "'; expected text, html, csv or json");
        }
        Path vault = paths.size() == 2 ? paths.get(0) : Path.of(".");
        Path root = VaultReader.checkRoot(vault);
        Path file = paths.get(paths.size() - 1);
        if (!Files.isRegularFile(file) && Files.isRegularFile(root.resolve(file))) file = root.resolve(file);
        if (!Files.isRegularFile(file)) throw new UsageException("base file not found: " + paths.get(paths.size() - 1));
        Path absolute = file.toAbsolutePath().normalize();
        String home = absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.getFileName().toString();
        BaseSource source = new BaseSource(home, 1, Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        // Mistakes in the base are found before the vault is read.
        BaseSpec base = source.read();
        if (view != null && base.view(view) == null) {
            throw new UsageException("--view: the base has no view named '" + view + "'; its views are "
                    + String.join(", ", base.views().stream().map(v -> "'" + v.name() + "'").toList()));
        }

        PrintWriter out = spec.commandLine().getOut();
        try (VaultGraph graph = options.graph(vault, spec.commandLine().getErr()).build()) {
            options.read(graph, spec.commandLine().getErr());
            SparqlService sparql = SparqlService.local(graph.dataset());
            IriMinter iris = new IriMinter(graph.base());
            ZoneId zone = ZoneId.systemDefault();
            GraphFiles files = GraphFiles.of(sparql, iris, zone);
            String thisPath = null;
            if (self != null) {
                thisPath = files.links().fileExists(self) ? self : files.resolve(self, home);
                if (thisPath == null) throw new UsageException("--this: no note named '" + self + "' in the vault");
            }
            BaseEngine engine = new BaseEngine(files, DvClock::system);
            if (showSparql) out.println(engine.sparql(source, view, thisPath));
            ViewResult result = engine.run(source, view, thisPath);
            switch (chosen) {
                case "html" -> out.println(new BaseHtml(new GardenPublisher(sparql, iris, zone).baseLinks(home), true)
                        .views(List.of(result)));
                case "csv" -> out.print(BaseText.csv(result));
                case "json" -> out.println(BaseText.json(result));
                default -> out.print(BaseText.text(result));
            }
        }
        out.flush();
        return 0;
    }
}
