package org.vaultgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vaultgraph.render.GardenLayout;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.render.LinkAddresses;
import org.vaultgraph.render.SiteAddresses;
import org.vaultgraph.render.SiteCheck;
import org.vaultgraph.vault.VaultFiles;

/**
 * Writes a garden into a folder: each published note compiled as the Digital Garden plugin compiles
 * it, as a page of a static site or as the plugin's markdown, and the files the pages show; a file
 * already as it should be is left alone, so that a site generator sees only real changes.
 */
final class SiteWriter {
    private static final int BATCH = 1000;

    private final GardenPublisher publisher;
    private final Path vault;
    private final Publishing settings;
    private final Path root;
    private int written;
    private int unchanged;

    private SiteWriter(GardenPublisher publisher, Path vault, Publishing settings) {
        this.publisher = publisher;
        this.vault = vault;
        this.settings = settings;
        this.root = settings.folder().toAbsolutePath().normalize();
    }

    static Published write(GardenPublisher publisher, Path vault, Publishing settings) {
        return new SiteWriter(publisher, vault, settings).write();
    }

    /** A page with its HTML and the attachments both show. */
    private record Rendered(GardenPublisher.Page page, String html, List<String> attachments) {}

    private Published write() {
        boolean site = settings.format() == Publishing.Format.HTML;
        GardenNotes garden = publisher.garden(settings.all());
        List<String> paths = new ArrayList<>(garden.permalinks().keySet());
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (paths.isEmpty()) return new Published(0, 0, 0, 0, garden.skipped(), List.of(), List.of(), List.of(), null);
        Map<String, String> titles = new LinkedHashMap<>();
        TreeSet<String> attachments = new TreeSet<>();
        // Pages render in parallel, a thousand at a time, and are written in path order.
        for (int start = 0; start < paths.size(); start += BATCH) {
            List<Rendered> batch = paths.subList(start, Math.min(paths.size(), start + BATCH)).parallelStream()
                    .map(path -> render(garden, path, site)).flatMap(Optional::stream).toList();
            for (Rendered rendered : batch) {
                GardenPublisher.Page page = rendered.page();
                if (!site) {
                    write("src/site/notes/" + page.notePath(), page.markdown());
                } else {
                    String html = GardenLayout.page(page.title(), "Home", rendered.html());
                    write(pageFile(page.permalink()), html);
                    if (garden.home().filter(page.notePath()::equals).isPresent()) write("index.html", html);
                    titles.put(LinkAddresses.encodeUri(page.permalink()), page.title());
                }
                attachments.addAll(rendered.attachments());
                warnings.addAll(page.warnings());
                errors.addAll(page.errors());
            }
        }
        if (site && garden.home().isEmpty()) write("index.html", GardenLayout.index("Home", titles));
        List<String> missing = new ArrayList<>();
        int copied = 0;
        for (String attachment : attachments) {
            Optional<byte[]> bytes = read(attachment);
            if (bytes.isEmpty()) {
                missing.add(attachment);
                continue;
            }
            write((site ? "" : "src/site/") + SiteAddresses.attachmentFile(attachment), bytes.get());
            copied++;
        }
        SiteCheck.Report check = site && settings.checkLinks() ? SiteCheck.check(root) : null;
        return new Published(paths.size(), copied, written, unchanged, garden.skipped(), List.copyOf(warnings), List.copyOf(errors),
                List.copyOf(missing), check);
    }

    private Optional<Rendered> render(GardenNotes garden, String path, boolean site) {
        SiteAddresses addresses = new SiteAddresses(garden, publisher.files());
        Optional<GardenPublisher.Page> page = publisher.page(path, garden, settings.links() == Publishing.Links.PERMALINKS ? addresses : null, site);
        if (page.isEmpty()) return Optional.empty();
        String html = site ? publisher.html(page.get(), addresses) : null;
        List<String> shown = new ArrayList<>(page.get().attachments());
        if (site) shown.addAll(addresses.attachments());
        return Optional.of(new Rendered(page.get(), html, shown));
    }

    /** The file of a page at a permalink: its folder's index.html. */
    private static String pageFile(String permalink) {
        String p = permalink.replaceAll("^/+", "");
        return (p.isEmpty() || p.endsWith("/") ? p : p + "/") + "index.html";
    }

    private Optional<byte[]> read(String attachment) {
        try {
            return VaultFiles.read(vault, attachment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + attachment + ": " + e.getMessage(), e);
        }
    }

    private void write(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes under the folder, and only there. */
    private void write(String relative, byte[] bytes) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) throw new IllegalArgumentException("refusing to write outside " + root + ": " + relative);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                unchanged++;
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
