package org.vaultgraph.dql;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Reads back the values {@link SparqlCompiler} packs into one string per column: for each value,
 * {@code I<length>:<iri>} or {@code L<length>:<datatype><length>:<lexical form>}; after GROUP BY,
 * each value is preceded by its row, {@code R<length>:<row id>} (and {@code N} stands for null).
 * Lengths count code points, as SPARQL's STRLEN does.
 *
 * <pre>{@code ResultDecoder.decode("I5:urn:aL39:http://www.w3.org/2001/XMLSchema#string2:hi") // [<urn:a>, "hi"]}</pre>
 */
final class ResultDecoder {
    private ResultDecoder() {}

    /** A value of one row of a group; {@code value} is null for a null value. */
    record RowValue(String rowId, Node value) {}

    static List<Node> decode(String packed) {
        List<Node> nodes = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < packed.length()) nodes.add(value(packed, pos));
        return nodes;
    }

    static List<RowValue> decodeRows(String packed) {
        List<RowValue> values = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < packed.length()) {
            if (packed.charAt(pos[0]++) != 'R') throw unreadable(packed, pos[0] - 1);
            String rowId = next(packed, pos);
            if (packed.charAt(pos[0]) == 'N') {
                pos[0]++;
                values.add(new RowValue(rowId, null));
            } else {
                values.add(new RowValue(rowId, value(packed, pos)));
            }
        }
        return values;
    }

    private static Node value(String packed, int[] pos) {
        char kind = packed.charAt(pos[0]++);
        if (kind == 'I') return NodeFactory.createURI(next(packed, pos));
        if (kind == 'L') {
            String datatype = next(packed, pos);
            String lexical = next(packed, pos);
            return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
        }
        throw unreadable(packed, pos[0] - 1);
    }

    private static IllegalStateException unreadable(String packed, int at) {
        return new IllegalStateException("unreadable packed value at " + at + ": " + packed);
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
