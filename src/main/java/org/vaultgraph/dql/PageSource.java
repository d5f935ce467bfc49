package org.vaultgraph.dql;

import java.util.List;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.value.Value;

/**
 * Where a query's pages come from: the pages a FROM clause names, and each page as Dataview serialises
 * it ({@code file.*} and the page's fields). The graph is the usual source.
 */
public interface PageSource {
    /**
     * The vault paths of the markdown pages a source names, seen from the note at {@code originPath}
     * ("" when the query is not in a note); {@link org.vaultgraph.dql.syntax.DqlException} with Dataview's
     * message for an {@code outgoing([[x]])} of a file that does not exist.
     */
    List<String> paths(Dql.Source source, String originPath);

    /** The page at a vault path as a query sees it, or null when there is no markdown page there. */
    Value.Obj page(String path);

    /** The vault path a link names, resolved as Obsidian resolves links from {@code originPath}; null when nothing has it. */
    String resolve(String linkpath, String originPath);

    /** What the source asks of its store for a FROM clause, for {@code --sparql}; "" when it reads no store. */
    default String describe(Dql.Source source, String originPath) {
        return "";
    }
}
