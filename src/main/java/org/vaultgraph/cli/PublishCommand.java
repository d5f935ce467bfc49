package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph publish}: writes the Digital Garden page of every note with a dataview block or a base. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Writes the Digital Garden page of every note that has a dataview block or a base (a base block, "
                + "an embedded .base file) and 'dg-publish: true'.",
            "A page is what the Obsidian Digital Garden plugin publishes: JSON front matter (permalink, updated), then the "
                + "note with each dataview block rendered as Dataview's HTML table, its rows from the graph, and each base "
                + "as the garden site draws its views. Pages go to "
                + "the --out folder at the note's vault path. Notes without 'dg-publish: true' are never written; each is "
                + "named on standard error."})
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
        int written = 0;
        int failed = 0;
        List<String> paths = publisher.publishablePaths();
        List<String> unpublished = publisher.unpublishedPaths();
        for (String path : unpublished) err.println(path + ": not published: its front matter does not say 'dg-publish: true'");
        // Pages render in parallel, a thousand at a time, and are written in path order.
        for (int start = 0; start < paths.size(); start += 1000) {
            List<GardenPublisher.Page> batch = paths.subList(start, Math.min(paths.size(), start + 1000)).parallelStream()
                    .map(publisher::page).flatMap(java.util.Optional::stream).toList();
            for (GardenPublisher.Page page : batch) {
                Path file = out.resolve(page.notePath()).normalize();
                if (!file.startsWith(out.normalize())) throw new UsageException("refusing to write outside " + out + ": " + page.notePath());
                // A page that is already as it should be is left alone, so that a site generator sees only real changes.
                byte[] bytes = page.markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                    written++;
                }
                pages++;
                for (String error : page.errors()) {
                    err.println(error);
                    failed++;
                }
            }
        }
        err.println("published " + pages + " pages to " + out + " (" + written + " written, " + (pages - written) + " already up to date)"
                + (unpublished.isEmpty() ? "" : "; " + unpublished.size() + " notes with dataview blocks or bases kept private (no 'dg-publish: true')")
                + (failed > 0 ? "; " + failed + " queries or bases failed" : ""));
        err.flush();
        return failed > 0 ? 1 : 0;
    }
}
