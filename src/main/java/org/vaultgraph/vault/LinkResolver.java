package org.vaultgraph.vault;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves what a link names to a file of the vault, the way Obsidian does.
 *
 * <pre>{@code
 * LinkResolver resolver = LinkResolver.of(vault);
 * resolver.resolve("L4-L5", "Research/Insights/a.md");        // Optional["Research/Tags/L4-L5.md"]
 * resolver.resolve("Tags/L4-L5#Heading", "...");               // by partial path
 * }</pre>
 *
 * A link names a file by its name, case-insensitively, with or without {@code .md}; a link with
 * folders matches the end of a path. An exact vault path wins, then a path relative to the linking
 * note; among several files of the same name, the one in the linking note's folder wins, then the
 * shortest path, then the first in path order.
 */
public final class LinkResolver {
    private final Map<String, String> byPath = new HashMap<>();
    private final Map<String, List<String>> byName = new HashMap<>();

    private LinkResolver(Collection<String> paths) {
        for (String path : paths) {
            String key = key(path);
            byPath.putIfAbsent(key, path);
            byName.computeIfAbsent(lastSegment(key), k -> new ArrayList<>()).add(path);
        }
    }

    public static LinkResolver of(Vault vault) {
        List<String> paths = new ArrayList<>();
        vault.notes().forEach(n -> paths.add(n.path()));
        vault.attachments().forEach(a -> paths.add(a.path()));
        return new LinkResolver(paths);
    }

    public static LinkResolver of(Collection<String> paths) {
        return new LinkResolver(paths);
    }

    /**
     * The vault path a link target names, or empty when no file has that name.
     *
     * @param target     the link path as written, without subpath ("" links to the source note itself)
     * @param sourcePath the vault path of the note the link is in
     */
    public Optional<String> resolve(String target, String sourcePath) {
        String t = target.strip();
        if (t.isEmpty()) return Optional.of(sourcePath);
        while (t.startsWith("/")) t = t.substring(1);
        String wanted = key(t);
        String sourceFolder = folder(key(sourcePath));
        for (String candidate : List.of(wanted + ".md", wanted)) {
            String exact = byPath.get(candidate);
            if (exact != null) return Optional.of(exact);
            String relative = normalise(sourceFolder.isEmpty() ? candidate : sourceFolder + "/" + candidate);
            if (relative != null && byPath.containsKey(relative)) return Optional.of(byPath.get(relative));
            List<String> sameName = byName.getOrDefault(lastSegment(candidate), List.of());
            Optional<String> best = sameName.stream()
                    .filter(p -> key(p).equals(candidate) || key(p).endsWith("/" + candidate))
                    .min(Comparator.<String>comparingInt(p -> folder(key(p)).equals(sourceFolder) ? 0 : 1)
                            .thenComparingInt(String::length)
                            .thenComparing(Comparator.naturalOrder()));
            if (best.isPresent()) return best;
        }
        return Optional.empty();
    }

    /**
     * The file names (lower case) whose files a link text can resolve to: adding, removing or
     * renaming a file of another name never changes what the text names.
     */
    public static Set<String> fileNamesMatching(String target) {
        String t = target.strip();
        if (t.isEmpty()) return Set.of();
        String last = lastSegment(key(t));
        return Set.of(last, last + ".md");
    }

    /** The lower-case file name of a vault path, as {@link #fileNamesMatching} names it. */
    public static String fileName(String path) {
        return lastSegment(key(path));
    }

    private static String key(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Resolves "." and ".." segments; null when ".." climbs above the vault root. */
    private static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
