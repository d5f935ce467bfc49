package org.vaultgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vaultgraph.render.GardenPublisher;

/** Writes a publisher's pages into a folder, leaving alone the pages already as they should be. */
final class SiteWriter {
    private static final int BATCH = 1000;

    private SiteWriter() {}

    static Published write(GardenPublisher publisher, Path folder) {
        List<String> paths = publisher.publishablePaths();
        List<String> kept = publisher.unpublishedPaths();
        List<String> errors = new ArrayList<>();
        int pages = 0;
        int written = 0;
        // Pages render in parallel, a thousand at a time, and are written in path order.
        for (int start = 0; start < paths.size(); start += BATCH) {
            List<GardenPublisher.Page> batch = paths.subList(start, Math.min(paths.size(), start + BATCH)).parallelStream()
                    .map(publisher::page).flatMap(Optional::stream).toList();
            for (GardenPublisher.Page page : batch) {
                if (write(folder, page)) written++;
                pages++;
                errors.addAll(page.errors());
            }
        }
        return new Published(pages, written, List.copyOf(kept), List.copyOf(errors));
    }

    /** Writes one page unless the file already holds it, so that a site generator sees only real changes. */
    private static boolean write(Path folder, GardenPublisher.Page page) {
        Path file = folder.resolve(page.notePath()).normalize();
        if (!file.startsWith(folder.normalize())) throw new IllegalArgumentException("refusing to write outside " + folder + ": " + page.notePath());
        byte[] bytes = page.markdown().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) return false;
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
