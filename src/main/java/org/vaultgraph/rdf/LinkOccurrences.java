package org.vaultgraph.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.Link;

/**
 * The link occurrences of a note ({@code <note>#link-N}), so that a field whose value is a link can
 * point at the occurrence it was written as: the same target, heading, alias and embed, on the
 * field's line (front matter: at or after its key), each occurrence used once.
 */
final class LinkOccurrences {
    private record Occurrence(Link link, Node iri) {}

    private final List<Occurrence> occurrences = new ArrayList<>();
    private final boolean[] used;

    LinkOccurrences(List<Link> links, List<Node> iris) {
        for (int i = 0; i < links.size(); i++) occurrences.add(new Occurrence(links.get(i), iris.get(i)));
        used = new boolean[links.size()];
    }

    /** The occurrence a field's link value was written as, or null when none fits. */
    Node match(Link value, Field field, int lastLine) {
        boolean frontMatter = field.origin() == Field.Origin.FRONT_MATTER;
        for (int i = 0; i < occurrences.size(); i++) {
            Link l = occurrences.get(i).link();
            if (used[i] || !same(l, value)) continue;
            if ((l.syntax() == Link.Syntax.FRONT_MATTER) != frontMatter) continue;
            if (l.line() < field.line() || l.line() > lastLine) continue;
            used[i] = true;
            return occurrences.get(i).iri();
        }
        return null;
    }

    private static boolean same(Link a, Link b) {
        return a.target().equals(b.target()) && a.subpath().equals(b.subpath()) && Objects.equals(a.display(), b.display())
                && a.embed() == b.embed();
    }
}
