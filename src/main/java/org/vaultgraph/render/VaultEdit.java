package org.vaultgraph.render;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vaultgraph.dql.PageSource;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.vault.LinkResolver;

/**
 * An edit of the vault as published pages see it: the files it changed, the notes whose place in the
 * garden moved, the changed files' names, and, for a FROM clause, whether a note the edit changed may now be
 * among its pages. A page whose {@link PageReads} meet none of it renders as before.
 */
public final class VaultEdit {
    private final Set<String> paths;
    private final Set<String> moved;
    private final Set<String> names = new HashSet<>();
    private final List<Changed> notesNow;
    private final PageSource pages;

    /**
     * @param paths the vault paths the edit wrote or removed
     * @param moved the notes whose place in the garden it changed (published or not, permalink, may be embedded)
     * @param pages the vault after the edit
     */
    VaultEdit(Set<String> paths, Set<String> moved, PageSource pages) {
        this.paths = Set.copyOf(paths);
        this.moved = Set.copyOf(moved);
        this.pages = pages;
        for (String path : paths) names.add(LinkResolver.fileName(path));
        this.notesNow = paths.stream().map(pages::page).filter(java.util.Objects::nonNull).map(Changed::of).toList();
    }

    public Set<String> paths() {
        return paths;
    }

    public Set<String> moved() {
        return moved;
    }

    /** The lower-case file names of the paths, as {@link LinkResolver#fileNamesMatching} gives a link text's. */
    Set<String> names() {
        return names;
    }

    /**
     * Whether one of the notes the edit changed may be among the pages of a FROM clause now. Erring
     * towards yes; the pages it listed before the edit are among a page's reads already.
     */
    boolean mayList(Dql.Source source, String origin) {
        for (Changed note : notesNow) if (mayList(source, origin, note)) return true;
        return false;
    }

    /** A note the edit changed, as it is now: its path, tags (lower case) and the notes it links to. */
    private record Changed(String path, List<String> tags, Set<String> outlinks) {
        static Changed of(Value.Obj page) {
            List<String> tags = items(file(page).get("tags")).stream().map(v -> text(v).toLowerCase(Locale.ROOT)).toList();
            return new Changed(text(file(page).get("path")), tags, VaultEdit.outlinks(page));
        }
    }

    private boolean mayList(Dql.Source source, String origin, Changed note) {
        String path = note.path();
        if (source instanceof Dql.FolderSource f) {
            String folder = f.folder();
            return folder.isEmpty() || path.startsWith(folder + "/") || path.equals(folder) || path.equals(folder + ".md");
        }
        if (source instanceof Dql.TagSource t) {
            String tag = "#" + t.tag().toLowerCase(Locale.ROOT);
            for (String written : note.tags()) if (written.equals(tag) || written.startsWith(tag + "/")) return true;
            return false;
        }
        if (source instanceof Dql.LinkSource link) {
            String target = pages.resolve(link.target(), origin);
            if (target == null) return true; // a name no file has: notes linking to it, told apart only by their link texts
            if (link.incoming()) return note.outlinks().contains(target);
            Value.Obj linking = pages.page(target);
            return target.equals(path) || linking == null || outlinks(linking).contains(path);
        }
        if (source instanceof Dql.BinarySource b) {
            return b.and() ? mayList(b.left(), origin, note) && mayList(b.right(), origin, note)
                    : mayList(b.left(), origin, note) || mayList(b.right(), origin, note);
        }
        return !(source instanceof Dql.CsvSource); // a negation may now take in any note
    }

    private static Value.Obj file(Value.Obj note) {
        return (Value.Obj) note.get("file");
    }

    private static List<Value> items(Value value) {
        return value instanceof Value.Array a ? a.items() : List.of();
    }

    private static Set<String> outlinks(Value.Obj note) {
        Set<String> out = new HashSet<>();
        for (Value v : items(file(note).get("outlinks"))) if (v instanceof DvLink l) out.add(l.path());
        return out;
    }

    private static String text(Value v) {
        return v instanceof Value.Text t ? t.value() : String.valueOf(v);
    }
}
