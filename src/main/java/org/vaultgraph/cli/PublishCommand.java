package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vaultgraph.Published;
import org.vaultgraph.Publishing;
import org.vaultgraph.Republished;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.SiteCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vaultgraph publish}: the Digital Garden of a vault, as a site or as the plugin's markdown. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes the notes whose front matter says 'dg-publish: true' as the Obsidian Digital Garden plugin does.",
            "Each note is compiled as the plugin compiles it (its JSON front matter and permalink, links to full paths, "
                + "transclusions, Dataview blocks, inline queries and bases answered from the graph, images pointed at /img/user/) and "
                + "written as a page of a static site (--format html, the default: <permalink>/index.html, the dg-home note "
                + "also at index.html) or as the plugin's markdown (--format markdown: src/site/notes/<vault path>, as in a "
                + "garden repository). The images and files the pages show are copied to img/user/. Every other note is "
                + "named on standard error with the reason it was left out. The files written are listed in the folder "
                + "(.vaultgraph-published): the next publish deletes those of notes no longer published."})
final class PublishCommand implements Callable<Integer> {
    enum Format { html, markdown }

    enum Links { permalinks, vault_paths }

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the garden to.")
    Path out;

    @Option(names = "--format", paramLabel = "html|markdown", defaultValue = "html",
            description = "html: a static site, one page per note (default); markdown: the plugin's markdown files.")
    Format format;

    @Option(names = "--links", paramLabel = "permalinks|vault-paths", defaultValue = "permalinks", converter = LinksConverter.class,
            description = "Where the links of Dataview's results point: the pages' permalinks (default), or the vault paths "
                    + "they name, as the plugin leaves them (its markup byte for byte; those links lead nowhere on a site).")
    Links links;

    @Option(names = "--all", description = "Publish every note, whatever its front matter says (for a vault that does not use dg-publish).")
    boolean all;

    @Option(names = "--check-links", description = "After writing the site, check that every link of every page leads to a page or file of it.")
    boolean checkLinks;

    @Option(names = "--watch", description = "After publishing, follow the vault until stopped (Ctrl-C): after each edit, render again only "
            + "the pages whose text or query answers it can change, and delete the pages of notes no longer published.")
    boolean watch;

    static final class LinksConverter implements picocli.CommandLine.ITypeConverter<Links> {
        @Override
        public Links convert(String value) {
            return switch (value) {
                case "permalinks" -> Links.permalinks;
                case "vault-paths" -> Links.vault_paths;
                default -> throw new picocli.CommandLine.TypeConversionException("expected permalinks or vault-paths, not '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (checkLinks && format != Format.html) throw new UsageException("--check-links checks a site: use it with --format html");
        Publishing settings = new Publishing(out, format == Format.html ? Publishing.Format.HTML : Publishing.Format.MARKDOWN,
                links == Links.permalinks ? Publishing.Links.PERMALINKS : Publishing.Links.VAULT_PATHS, all, checkLinks);
        long started = System.nanoTime();
        Published published;
        int notes;
        double readSeconds;
        VaultGraph graph = storeOptions.applyTo(options.graph(argument.vault, err)).followEdits(watch).build();
        try {
            notes = options.read(graph, err).notes();
            readSeconds = (System.nanoTime() - started) / 1e9;
            try {
                published = watch ? graph.publish(settings, changed -> report(changed, err), message -> {
                    err.println(Instant.now() + " " + message);
                    err.flush();
                }) : graph.publish(settings);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage()); // a page whose address leads outside --out
            }
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        if (!watch) graph.close();
        int exit = report(published, notes, started, readSeconds, err);
        if (!watch) return exit;
        Runtime.getRuntime().addShutdownHook(new Thread(graph::close, "vaultgraph-shutdown"));
        err.println("following " + argument.vault + " for changes; press Ctrl-C to stop");
        err.flush();
        try {
            new java.util.concurrent.CountDownLatch(1).await(); // until the process is stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exit;
    }

    /** One line per edit followed: what changed and what was published again. */
    private void report(Republished changed, PrintWriter err) {
        err.println(String.format(Locale.ROOT, "%s %s: %d of %d pages rendered again, %d removed; %d files written, %d deleted in %d ms",
                Instant.now(), changed.change().summary(), changed.rendered().size(), changed.pages(), changed.removed().size(), changed.written(),
                changed.deleted(), changed.millis()));
        options.reportProblems(changed.change().problems(), 0, err);
        changed.errors().forEach(err::println);
        if (!options.quiet) changed.warnings().forEach(err::println);
        for (String missing : changed.missing()) err.println(missing + ": not copied: no such file in the vault (or it is a symbolic link)");
        err.flush();
    }

    private int report(Published published, int notes, long started, double readSeconds, PrintWriter err) {
        if (!options.quiet) {
            for (GardenNotes.Skipped skipped : published.skipped()) err.println(skipped.path() + ": not published: " + skipped.reason());
            published.warnings().forEach(err::println);
        }
        published.errors().forEach(err::println);
        for (String missing : published.missing()) err.println(missing + ": not copied: no such file in the vault (or it is a symbolic link)");
        if (published.pages() == 0) {
            if (published.deleted() > 0) err.println("deleted the " + published.deleted() + " files of the last publish into " + out);
            err.println("published 0 pages: " + (notes == 0 ? "the vault has no notes"
                    : "none of the " + notes + " notes says 'dg-publish: true' in its front matter; --all publishes every note"));
            err.flush();
            return 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.println(String.format(Locale.ROOT, "published %d pages and %d attachments to %s in %.1f s, the vault read in %.1f s (%d files written, %d already up to date%s)%s%s",
                published.pages(), published.attachments(), out, seconds, readSeconds, published.written(), published.unchanged(),
                published.deleted() == 0 ? "" : ", " + published.deleted() + " of the last publish deleted",
                published.skipped().isEmpty() ? "" : "; " + published.skipped().size() + " notes left out",
                published.errors().isEmpty() ? "" : "; " + published.errors().size() + " queries or bases failed"));
        int exit = published.errors().isEmpty() ? 0 : 1;
        SiteCheck.Report report = published.linkCheck();
        if (report != null) {
            for (SiteCheck.Broken broken : report.broken()) err.println(broken.page() + ": broken link: " + broken.link());
            err.println("checked " + report.links() + " links in " + report.pages() + " pages: " + report.broken().size() + " broken");
            if (!report.broken().isEmpty()) exit = 1;
        }
        err.flush();
        return exit;
    }
}
