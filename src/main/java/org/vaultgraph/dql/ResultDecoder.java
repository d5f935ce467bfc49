package org.vaultgraph.dql;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Reads back the values {@link SparqlCompiler} packs into one string per column: for each value,
 * {@code I<length>:<iri>} or {@code L<length>:<datatype><length>:<lexical form>}, lengths in code points.
 *
 * <pre>{@code ResultDecoder.decode("I5:urn:aL39:http://www.w3.org/2001/XMLSchema#string2:hi") // [<urn:a>, "hi"]}</pre>
 */
final class ResultDecoder {
    private ResultDecoder() {}

    static List<Node> decode(String packed) {
        List<Node> nodes = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < packed.length()) {
            char kind = packed.charAt(pos[0]++);
            if (kind == 'I') {
                nodes.add(NodeFactory.createURI(next(packed, pos)));
            } else if (kind == 'L') {
                String datatype = next(packed, pos);
                String lexical = next(packed, pos);
                nodes.add(NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype)));
            } else {
                throw new IllegalStateException("unreadable packed value at " + (pos[0] - 1) + ": " + packed);
            }
        }
        return nodes;
    }

    private static String next(String packed, int[] pos) {
        int colon = packed.indexOf(':', pos[0]);
        int codePoints = Integer.parseInt(packed.substring(pos[0], colon));
        int start = colon + 1;
        int end = packed.offsetByCodePoints(start, codePoints);
        pos[0] = end;
        return packed.substring(start, end);
    }
}
