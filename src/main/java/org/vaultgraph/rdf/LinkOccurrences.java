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
    private final int[] lines;
    private final boolean[] used;

    LinkOccurrences(List<Link> links, List<Node> iris) {
        for (int i = 0; i < links.size(); i++) occurrences.add(new Occurrence(links.get(i), iris.get(i)));
        // Sorted by line, as a note's links are written, so that a field finds the links of its lines at once.
        occurrences.sort(java.util.Comparator.comparingInt(o -> o.link().line()));
        lines = occurrences.stream().mapToInt(o -> o.link().line()).toArray();
        used = new boolean[links.size()];
    }

    /** The occurrence a field's link value was written as, or null when none fits. */
    Node match(Link value, Field field, int lastLine) {
        boolean frontMatter = field.origin() == Field.Origin.FRONT_MATTER;
        for (int i = firstOnOrAfter(field.line()); i < occurrences.size() && lines[i] <= lastLine; i++) {
            Link l = occurrences.get(i).link();
            if (used[i] || !same(l, value)) continue;
            if ((l.syntax() == Link.Syntax.FRONT_MATTER) != frontMatter) continue;
            used[i] = true;
            return occurrences.get(i).iri();
        }
        return null;
    }

    /** The index of the first occurrence on {@code line} or after it. */
    private int firstOnOrAfter(int line) {
        int low = 0;
        int high = lines.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lines[mid] < line) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static boolean same(Link a, Link b) {
        return a.target().equals(b.target()) && a.subpath().equals(b.subpath()) && Objects.equals(a.display(), b.display())
                && a.embed() == b.embed();
    }
}
