package org.vaultgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vaultgraph.render.GardenLayout;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.render.LinkAddresses;
import org.vaultgraph.render.PageReads;
import org.vaultgraph.render.SiteAddresses;
import org.vaultgraph.render.SiteCheck;
import org.vaultgraph.render.VaultEdit;
import org.vaultgraph.vault.VaultFiles;

/**
 * Writes a garden into a folder: each published note compiled as the Digital Garden plugin compiles
 * it, as a page of a static site or as the plugin's markdown, and the files the pages show; a file
 * already as it should be is left alone, so that a site generator sees only real changes. The files
 * written are listed in the folder ({@value #MANIFEST}): a later publish removes those of notes no
 * longer published, so a note made private does not stay on the site.
 *
 * <p>After an edit ({@link #rewrite}), only the pages whose reads the edit touches are rendered again.
 */
final class SiteWriter {
    /** The list of the files the last publish wrote, relative to the folder, one per line. */
    static final String MANIFEST = ".vaultgraph-published";
    private static final int BATCH = 1000;

    private final Path vault;
    private final Publishing settings;
    private final Path root;
    private final boolean site;
    // What each published page showed and read, by note path (path order is the plugin's order).
    private final Map<String, Shown> shown = new TreeMap<>();
    private GardenPublisher publisher;
    private GardenNotes garden;
    private Set<String> files;
    private Pass pass;

    /** @param publisher the graph as it is now */
    SiteWriter(Path vault, Publishing settings, GardenPublisher publisher) {
        this.publisher = publisher;
        this.vault = vault;
        this.settings = settings;
        this.root = settings.folder().toAbsolutePath().normalize();
        this.site = settings.format() == Publishing.Format.HTML;
    }

    /** A page as it was written: its file, its title and address, the attachments it shows, what it read. */
    private record Shown(String file, String permalink, String title, Set<String> attachments, PageReads reads) {}

    /** What one publish or re-publish wrote and deleted. */
    private static final class Pass {
        int written;
        int unchanged;
        int deleted;
        // Whether the pages' files, titles or attachments changed: then the index and the list of files are written again.
        boolean listingChanged;
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
    }

    /** Publishes every note of the garden; removes the files of an earlier publish that are no longer part of it. */
    Published writeAll() {
        pass = new Pass();
        pass.listingChanged = true;
        files = readManifest();
        garden = publisher.garden(settings.all());
        shown.clear();
        render(garden.permalinks().keySet());
        int copied = finish(new TreeSet<>(attachments()));
        SiteCheck.Report check = site && settings.checkLinks() && !shown.isEmpty() ? SiteCheck.check(root) : null;
        return new Published(shown.size(), copied, pass.written, pass.unchanged, pass.deleted, garden.skipped(), List.copyOf(pass.warnings),
                List.copyOf(pass.errors), List.copyOf(pass.missing), check);
    }

    /**
     * Brings the garden up to date after an edit: renders again the pages of notes now published and the
     * pages whose reads the edit touches, removes the pages of notes no longer published and the files
     * no page shows any more.
     *
     * @param change the edit, with the vault paths it wrote or removed
     */
    Republished rewrite(VaultGraph.Change change) {
        Set<String> changed = change.paths();
        long start = System.nanoTime();
        pass = new Pass();
        publisher = publisher.after(changed);
        GardenNotes after = publisher.garden(garden, changed);
        VaultEdit edit = publisher.edit(changed, garden.differences(after));
        if (!garden.home().equals(after.home())) pass.listingChanged = true; // index.html: another home, or the list of pages
        garden = after;
        List<String> removed = new ArrayList<>();
        for (String path : new ArrayList<>(shown.keySet())) {
            if (!garden.isPublished(path)) {
                shown.remove(path);
                removed.add(path);
                pass.listingChanged = true;
            }
        }
        List<String> again = new ArrayList<>();
        for (String path : garden.permalinks().keySet()) {
            Shown before = shown.get(path);
            if (before == null || before.reads().touchedBy(edit)) again.add(path);
        }
        render(again);
        Set<String> toCopy = new TreeSet<>();
        for (String path : again) {
            Shown now = shown.get(path);
            if (now != null) toCopy.addAll(now.attachments()); // a new page whose note has no text in the graph was not written
        }
        Set<String> stillShown = attachments();
        for (String path : changed) if (stillShown.contains(path)) toCopy.add(path);
        finish(toCopy);
        return new Republished(change, shown.size(), List.copyOf(again), List.copyOf(removed), pass.written, pass.deleted, List.copyOf(pass.warnings),
                List.copyOf(pass.errors), List.copyOf(pass.missing), (System.nanoTime() - start) / 1_000_000);
    }

    /** A page with its HTML and the attachments both show. */
    private record Rendered(GardenPublisher.Page page, String html, Set<String> attachments, PageReads reads) {}

    /** Renders pages in parallel, a thousand at a time, and writes them in path order. */
    private void render(Collection<String> notes) {
        List<String> paths = new ArrayList<>(notes);
        for (int start = 0; start < paths.size(); start += BATCH) {
            List<Rendered> batch = paths.subList(start, Math.min(paths.size(), start + BATCH)).parallelStream()
                    .map(this::render).flatMap(Optional::stream).toList();
            for (Rendered rendered : batch) {
                GardenPublisher.Page page = rendered.page();
                String file;
                if (!site) {
                    file = "src/site/notes/" + page.notePath();
                    write(file, page.markdown());
                } else {
                    String html = GardenLayout.page(page.title(), "Home", rendered.html());
                    file = pageFile(page.permalink());
                    write(file, html);
                    if (garden.home().filter(page.notePath()::equals).isPresent()) write("index.html", html);
                }
                Shown now = new Shown(file, page.permalink(), page.title(), rendered.attachments(), rendered.reads());
                Shown before = shown.put(page.notePath(), now);
                if (before == null || !before.file().equals(file) || !before.permalink().equals(now.permalink())
                        || !before.title().equals(now.title()) || !before.attachments().equals(now.attachments())) {
                    pass.listingChanged = true;
                }
                pass.warnings.addAll(page.warnings());
                pass.errors.addAll(page.errors());
            }
        }
    }

    private Optional<Rendered> render(String path) {
        PageReads reads = new PageReads();
        GardenNotes seen = garden.readBy(reads);
        SiteAddresses addresses = new SiteAddresses(seen, publisher.files());
        Optional<GardenPublisher.Page> page = publisher.page(path, seen, settings.links() == Publishing.Links.PERMALINKS ? addresses : null, site, reads);
        if (page.isEmpty()) return Optional.empty();
        String html = site ? publisher.html(page.get(), addresses) : null;
        Set<String> attachments = new TreeSet<>(page.get().attachments());
        if (site) attachments.addAll(addresses.attachments());
        attachments.forEach(reads::read);
        return Optional.of(new Rendered(page.get(), html, attachments, reads));
    }

    /**
     * Copies the attachments asked for; then, when the pages' files, titles or attachments changed, writes
     * the site's index (when no note is its home), deletes the files of the last publish that no page has
     * now, and lists the files written. Returns how many attachments were copied.
     */
    private int finish(Set<String> toCopy) {
        Set<String> missing = new TreeSet<>();
        int copied = 0;
        for (String attachment : toCopy) {
            Optional<byte[]> bytes = read(attachment);
            if (bytes.isEmpty()) {
                missing.add(attachment);
                continue;
            }
            write(attachmentFile(attachment), bytes.get());
            copied++;
        }
        pass.missing.addAll(missing);
        if (!pass.listingChanged && missing.isEmpty()) return copied;
        Set<String> now = new TreeSet<>();
        shown.values().forEach(s -> now.add(s.file()));
        if (site && !shown.isEmpty()) {
            if (garden.home().isEmpty()) {
                Map<String, String> titles = new LinkedHashMap<>();
                shown.values().forEach(s -> titles.put(LinkAddresses.encodeUri(s.permalink()), s.title()));
                write("index.html", GardenLayout.index("Home", titles));
            }
            now.add("index.html");
        }
        for (String attachment : attachments()) {
            if (missing.contains(attachment)) continue;
            if (toCopy.contains(attachment) || files.contains(attachmentFile(attachment))) now.add(attachmentFile(attachment));
        }
        for (String gone : files) if (!now.contains(gone)) delete(gone);
        if (!now.equals(files)) writeManifest(now);
        files = now;
        return copied;
    }

    /** The attachments the pages show, in path order. */
    private Set<String> attachments() {
        Set<String> out = new TreeSet<>();
        shown.values().forEach(s -> out.addAll(s.attachments()));
        return out;
    }

    private String attachmentFile(String attachment) {
        return (site ? "" : "src/site/") + SiteAddresses.attachmentFile(attachment);
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

    /** The files the last publish into the folder wrote (none when it has no list). */
    private Set<String> readManifest() {
        Path list = root.resolve(MANIFEST);
        Set<String> out = new TreeSet<>();
        try {
            if (Files.isRegularFile(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The list of files written: bookkeeping, not counted among the files written. */
    private void writeManifest(Set<String> now) {
        Path file = inside(MANIFEST);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", now) + (now.isEmpty() ? "" : "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes under the folder, and only there. */
    private void write(String relative, byte[] bytes) {
        Path file = inside(relative);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                pass.unchanged++;
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            pass.written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file the last publish wrote, and the folders it leaves empty; never anything outside the folder. */
    private void delete(String relative) {
        Path file;
        try {
            file = inside(relative);
        } catch (IllegalArgumentException e) {
            return; // a list edited by hand: what it names outside the folder is not ours
        }
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
            // A folder on the way may be a link to elsewhere: delete only what really lies in the folder.
            if (!file.toRealPath().startsWith(root.toRealPath())) return;
            Files.delete(file);
            pass.deleted++;
            for (Path dir = file.getParent(); !dir.equals(root) && isEmptyFolder(dir); dir = dir.getParent()) Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private Path inside(String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) throw new IllegalArgumentException("refusing to write outside " + root + ": " + relative);
        return file;
    }
}
