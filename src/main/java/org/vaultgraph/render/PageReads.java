package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultgraph.dql.PageSource;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.vault.LinkResolver;

/**
 * What rendering one page read of the vault: the notes and files whose text or fields it used, the
 * notes whose place in the garden it asked, the link names it looked up, and the Dataview sources it listed. After an edit, only
 * the pages whose reads the edit touches ({@link #touchedBy}) are rendered again.
 *
 * <pre>{@code
 * PageReads reads = new PageReads();
 * publisher.page("Research/Overview.md", garden.readBy(reads), addresses, true, reads);
 * reads.touchedBy(edit); // after an edit: must the page be rendered again?
 * }</pre>
 *
 * One page is rendered on one thread: not thread-safe.
 */
public final class PageReads {
    /** A FROM clause a page's query listed, and the note it was written in. */
    record Listed(Dql.Source source, String origin) {}

    private final Set<String> paths = new HashSet<>();
    private final Set<String> places = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final List<Listed> listed = new ArrayList<>();
    private boolean everything;

    /** The page used a note's or a file's text or fields. */
    public void read(String path) {
        if (path != null) paths.add(path);
    }

    /** The page asked whether a note is published, where, or may be embedded: its links or embeds of it change with the answer. */
    void askedWhere(String path) {
        places.add(path);
    }

    /** The page looked up what a link text names: a file of that name appearing or going changes the answer. */
    void lookedUp(String linkpath) {
        names.addAll(LinkResolver.fileNamesMatching(linkpath));
    }

    /** The page listed the notes of a FROM clause: a note the edit brings into it changes the answer. */
    void listed(Dql.Source source, String origin) {
        listed.add(new Listed(source, origin));
    }

    /** The page's answer may depend on any note (a base, a query of backlinks): every edit renders it again. */
    void readEverything() {
        everything = true;
    }

    /** Whether the page may render differently after the edit. */
    public boolean touchedBy(VaultEdit edit) {
        if (everything) return true;
        for (String path : edit.paths()) if (paths.contains(path)) return true;
        for (String path : edit.moved()) if (places.contains(path)) return true;
        for (String name : edit.names()) if (names.contains(name)) return true;
        for (Listed l : listed) if (edit.mayList(l.source(), l.origin())) return true;
        return false;
    }

    /** A source of pages that tells these reads of every page it gives. */
    PageSource watching(PageSource pages) {
        return new PageSource() {
            @Override
            public List<String> paths(Dql.Source source, String originPath) {
                listed(source, originPath);
                List<String> found = pages.paths(source, originPath);
                paths.addAll(found);
                return found;
            }

            @Override
            public Value.Obj page(String path) {
                read(path);
                return pages.page(path);
            }

            @Override
            public String resolve(String linkpath, String originPath) {
                lookedUp(linkpath);
                String path = pages.resolve(linkpath, originPath);
                read(path);
                return path;
            }

            @Override
            public String describe(Dql.Source source, String originPath) {
                return pages.describe(source, originPath);
            }
        };
    }
}
