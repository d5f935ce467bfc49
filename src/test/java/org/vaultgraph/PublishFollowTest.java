package org.vaultgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing that follows the vault: after an edit only the pages that read what it changed are
 * rendered again, pages of notes made private go, and the folder always ends as a fresh publish of the
 * vault would write it.
 */
class PublishFollowTest {
    private static final Path GARDEN = Path.of("src/test/resources/garden");

    @Test
    void anEditRendersAgainOnlyThePagesThatReadWhatItChanged(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        write(vault, "Index.md", "---\ndg-publish: true\n---\n```dataview\nTABLE rating FROM \"Books\"\n```\n");
        write(vault, "Books/Dune.md", "---\ndg-publish: true\n---\nrating:: 5\n");
        write(vault, "Books/Emma.md", "---\ndg-publish: true\n---\nrating:: 3\n");
        write(vault, "Shelf.md", "---\ndg-publish: true\n---\nOn the shelf:\n\n![[Aside]]\n");
        write(vault, "Aside.md", "---\ndg-publish: true\n---\nAside text.\n");
        write(vault, "Alone.md", "---\ndg-publish: true\n---\nSee [[Aside]].\n");
        write(vault, "Tagged.md", "---\ndg-publish: true\n---\n```dataview\nLIST FROM #topic\n```\n");
        write(vault, "Notes/Plain.md", "---\ndg-publish: true\n---\nPlain words.\n");
        Path site = tmp.resolve("site");
        Followed followed = new Followed();
        try (VaultGraph graph = VaultGraph.builder().vault(vault).followEdits(true).build()) {
            Published published = graph.publish(Publishing.site(site), followed, followed.messages::add);
            assertEquals(8, published.pages());

            write(vault, "Alone.md", "---\ndg-publish: true\n---\nSee [[Aside]], again.\n");
            followed.expect(List.of("Alone.md"), List.of());

            write(vault, "Books/Emma.md", "---\ndg-publish: true\n---\nrating:: 4\n");
            followed.expect(List.of("Books/Emma.md", "Index.md"), List.of());
            assertTrue(read(site, "index/index.html").contains("<td>4</td>"), "the table shows the new rating");

            write(vault, "Aside.md", "---\ndg-publish: true\n---\nOther words.\n");
            followed.expect(List.of("Aside.md", "Shelf.md"), List.of());
            assertTrue(read(site, "shelf/index.html").contains("Other words."));

            write(vault, "Aside.md", "---\ndg-publish: false\n---\nOther words.\n");
            followed.expect(List.of("Alone.md", "Shelf.md"), List.of("Aside.md"));
            assertFalse(Files.exists(site.resolve("aside/index.html")), "the page of a note made private is deleted");
            assertFalse(read(site, "shelf/index.html").contains("Other words."), "nor is it embedded any more");

            write(vault, "Books/Fern.md", "---\ndg-publish: true\n---\nrating:: 2\n");
            followed.expect(List.of("Books/Fern.md", "Index.md"), List.of());
            assertTrue(read(site, "index/index.html").contains("Fern"));

            write(vault, "Notes/Plain.md", "---\ndg-publish: true\n---\nPlain words. #topic\n");
            followed.expect(List.of("Notes/Plain.md", "Tagged.md"), List.of());
            assertTrue(read(site, "tagged/index.html").contains("Plain"));

            Files.delete(vault.resolve("Books/Dune.md"));
            followed.expect(List.of("Index.md"), List.of("Books/Dune.md"));
            assertFalse(read(site, "index/index.html").contains("Dune"));
            assertTrue(followed.messages.isEmpty(), followed.messages.toString());
        }
        freshPublish(vault, Publishing.site(tmp.resolve("fresh")));
        assertEquals(files(tmp.resolve("fresh")), files(site), "the followed site holds what a fresh publish writes");
    }

    @Test
    void aQueryOfBacklinksSeesTheLinksAnEditMakesOrUnmakes(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        write(vault, "Counts.md", "---\ndg-publish: true\n---\n```dataview\nTABLE length(file.inlinks) AS n FROM \"Books\"\n```\n");
        write(vault, "Books/Dune.md", "---\ndg-publish: true\n---\nA book.\n");
        write(vault, "Other.md", "---\ndg-publish: true\n---\nNothing yet.\n");
        Path site = tmp.resolve("site");
        Followed followed = new Followed();
        try (VaultGraph graph = VaultGraph.builder().vault(vault).followEdits(true).build()) {
            graph.publish(Publishing.site(site), followed, followed.messages::add);
            assertTrue(read(site, "counts/index.html").contains("<td>0</td>"), read(site, "counts/index.html"));

            write(vault, "Other.md", "---\ndg-publish: true\n---\nSee [[Dune]].\n");
            followed.expect(List.of("Counts.md", "Other.md"), List.of());
            assertTrue(read(site, "counts/index.html").contains("<td>1</td>"), "a link made counts");

            write(vault, "Other.md", "---\ndg-publish: true\n---\nNot any more.\n");
            followed.expect(List.of("Counts.md", "Other.md"), List.of());
            assertTrue(read(site, "counts/index.html").contains("<td>0</td>"), "a link unmade no longer counts");
        }
    }

    @Test
    void theSiteIndexFollowsTheHomeNote(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        write(vault, "Start.md", "---\ndg-publish: true\ndg-home: true\n---\nThe start.\n");
        write(vault, "Next.md", "---\ndg-publish: true\n---\nThe next one.\n");
        Path site = tmp.resolve("site");
        Followed followed = new Followed();
        try (VaultGraph graph = VaultGraph.builder().vault(vault).followEdits(true).build()) {
            graph.publish(Publishing.site(site), followed, followed.messages::add);
            assertTrue(read(site, "index.html").contains("The start."));

            write(vault, "Start.md", "---\ndg-publish: true\n---\nThe start.\n");
            followed.settle();
            assertFalse(read(site, "index.html").contains("The start."), "no home: the index lists the pages");
            assertTrue(read(site, "index.html").contains("href=\"/next/\""), read(site, "index.html"));

            write(vault, "Next.md", "---\ndg-publish: true\ndg-home: true\n---\nThe next one.\n");
            followed.settle();
            assertTrue(read(site, "index.html").contains("The next one."), "the new home");
        }
        freshPublish(vault, Publishing.site(tmp.resolve("fresh")));
        assertEquals(files(tmp.resolve("fresh")), files(site));
    }

    @ParameterizedTest
    @EnumSource(Publishing.Format.class)
    void followingEditsEndsWhereAFreshPublishStarts(Publishing.Format format, @TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        copy(GARDEN, vault);
        Path out = tmp.resolve("out");
        Publishing settings = new Publishing(out, format, Publishing.Links.PERMALINKS, false, false);
        List<String> notes = notes(vault);
        Followed followed = new Followed();
        try (VaultGraph graph = VaultGraph.builder().vault(vault).followEdits(true).build()) {
            graph.publish(settings, followed, followed.messages::add);
            java.util.Random random = new java.util.Random(17);
            for (int step = 0; step < 12; step++) {
                String note = notes.get(random.nextInt(notes.size()));
                Path file = vault.resolve(note);
                String other = notes.get(random.nextInt(notes.size()));
                String otherName = other.substring(other.lastIndexOf('/') + 1, other.length() - 3);
                switch (step % 6) {
                    case 0 -> Files.writeString(file, Files.readString(file) + "\nSee [[" + otherName + "]] and ![[" + otherName + "]].\n");
                    case 1 -> Files.writeString(file, flipPublish(Files.readString(file)));
                    case 2 -> write(vault, "Added/Step " + step + ".md", "---\ndg-publish: true\n---\n#added\n```dataview\nLIST FROM \""
                            + other.substring(0, Math.max(0, other.lastIndexOf('/'))) + "\"\n```\n");
                    case 3 -> {
                        Path moved = vault.resolve("Moved " + step + ".md");
                        Files.move(file, moved);
                        notes.set(notes.indexOf(note), vault.relativize(moved).toString());
                    }
                    case 4 -> write(vault, "Listing " + step + ".md", "---\ndg-publish: true\n---\n```dataview\nTABLE file.name, length(file.inlinks) AS \"linked from\" FROM #added OR [["
                            + otherName + "]]\n```\n");
                    default -> {
                        Files.delete(file);
                        notes.remove(note);
                    }
                }
                followed.settle();
            }
            assertTrue(followed.messages.isEmpty(), followed.messages.toString());
        }
        Path fresh = tmp.resolve("fresh");
        freshPublish(vault, new Publishing(fresh, format, Publishing.Links.PERMALINKS, false, false));
        assertEquals(files(fresh), files(out), "the followed folder holds what a fresh publish writes, byte for byte");
    }

    @Test
    void aNoteMadePrivateLeavesTheSiteAtTheNextPublish(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        write(vault, "Home.md", "---\ndg-publish: true\ndg-home: true\n---\nWelcome. [[Diary]]\n");
        write(vault, "Diary.md", "---\ndg-publish: true\n---\nA picture: ![[dear.png]]\n");
        Files.write(vault.resolve("dear.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("CNAME"), "garden.example.org\n");
        Published first = freshPublish(vault, Publishing.site(site));
        assertEquals(2, first.pages());
        assertTrue(Files.exists(site.resolve("img/user/dear.png")));
        assertTrue(Files.readString(site.resolve(SiteWriter.MANIFEST)).contains("diary/index.html"), "the list of files written");

        write(vault, "Diary.md", "---\ndg-publish: false\n---\nA picture: ![[dear.png]]\n");
        Files.writeString(tmp.resolve("outside.txt"), "not the site's");
        Files.writeString(site.resolve(SiteWriter.MANIFEST), "../outside.txt\n", java.nio.file.StandardOpenOption.APPEND);
        Published second = freshPublish(vault, Publishing.site(site));
        assertEquals(1, second.pages());
        assertEquals(2, second.deleted(), "the page and the picture only it showed");
        assertFalse(Files.exists(site.resolve("diary")), "its folder, emptied, goes too");
        assertFalse(Files.exists(site.resolve("img")));
        assertEquals("garden.example.org\n", Files.readString(site.resolve("CNAME")), "a file publishing did not write is left alone");
        assertTrue(Files.exists(tmp.resolve("outside.txt")), "a list naming a file outside the folder deletes nothing there");
        assertFalse(read(site, "index.html").contains("href=\"/diary/\""), "the home page no longer links to it");
    }

    /** What a publish that follows edits told; each edit waited for in turn. */
    private static final class Followed implements java.util.function.Consumer<Republished> {
        final BlockingQueue<Republished> queue = new LinkedBlockingQueue<>();
        final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void accept(Republished republished) {
            queue.add(republished);
        }

        /** What the last edit re-published, once the watcher has been quiet for a while (an edit may come as several events). */
        List<Republished> settle() throws InterruptedException {
            List<Republished> all = new ArrayList<>();
            Republished first = queue.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, "the edit was followed");
            all.add(first);
            for (Republished more; (more = queue.poll(1000, TimeUnit.MILLISECONDS)) != null; ) all.add(more);
            return all;
        }

        void expect(List<String> rendered, List<String> removed) throws InterruptedException {
            Set<String> renderedNow = new TreeSet<>();
            Set<String> removedNow = new TreeSet<>();
            for (Republished r : settle()) {
                renderedNow.addAll(r.rendered());
                removedNow.addAll(r.removed());
            }
            assertEquals(new TreeSet<>(rendered), renderedNow, "pages rendered again");
            assertEquals(new TreeSet<>(removed), removedNow, "pages removed");
        }
    }

    private static Published freshPublish(Path vault, Publishing settings) {
        try (VaultGraph graph = VaultGraph.builder().vault(vault).build()) {
            return graph.publish(settings);
        }
    }

    private static String flipPublish(String text) {
        if (text.contains("dg-publish: true")) return text.replace("dg-publish: true", "dg-publish: false");
        if (text.contains("dg-publish: false")) return text.replace("dg-publish: false", "dg-publish: true");
        return text.startsWith("---\n") ? "---\ndg-publish: true\n" + text.substring(4) : "---\ndg-publish: true\n---\n" + text;
    }

    private static List<String> notes(Path vault) throws IOException {
        try (Stream<Path> files = Files.walk(vault)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".md")).map(f -> vault.relativize(f).toString()).sorted().toList());
        }
    }

    /** Every file under a folder, by relative path, with its bytes as text. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(d)) {
                    if (entries.findAny().isEmpty()) out.put(folder.relativize(d) + "/", "an empty folder");
                }
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void write(Path vault, String path, String text) throws IOException {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String read(Path site, String file) throws IOException {
        return Files.readString(site.resolve(file));
    }
}
