package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph publish}: writes the Digital Garden page of every note with a dataview block. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Writes, for every note with a dataview block, the page the Obsidian Digital Garden plugin",
            "publishes: JSON front matter (permalink, updated), then the note with each block rendered as",
            "Dataview's HTML table. Pages go to OUT at the note's vault path. Rows come from SPARQL over the graph."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the pages to.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        VaultLoader.LoadedVault loaded = options.load(argument.vault, err);
        GardenPublisher publisher = new GardenPublisher(SparqlService.local(loaded.store().dataset()), loaded.mapper().iris());
        int pages = 0;
        int failed = 0;
        for (GardenPublisher.Page page : publisher.pages()) {
            Path file = out.resolve(page.notePath()).normalize();
            if (!file.startsWith(out.normalize())) throw new UsageException("refusing to write outside " + out + ": " + page.notePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.markdown());
            pages++;
            for (String error : page.errors()) {
                err.println(error);
                failed++;
            }
        }
        err.println("published " + pages + " pages to " + out + (failed > 0 ? " (" + failed + " queries failed)" : ""));
        err.flush();
        return failed > 0 ? 1 : 0;
    }
}
