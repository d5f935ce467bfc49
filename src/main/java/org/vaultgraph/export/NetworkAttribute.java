package org.vaultgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * A node attribute of a {@link VaultNetwork} as the graph formats declare it: its name, the one type
 * all its values share (from their XML Schema datatypes), and whether some node has several values.
 *
 * <pre>{@code List<NetworkAttribute> declared = NetworkAttribute.of(network); // path, folder, created (DATE), tags (list)...}</pre>
 */
record NetworkAttribute(String name, Type type, boolean list) {

    /** The types the graph formats can tell apart. */
    enum Type { INTEGER, DOUBLE, BOOLEAN, DATE, STRING }

    /** What list items are joined with, as Gephi reads a GEXF liststring. */
    static final String LIST_SEPARATOR = "|";

    /** The attributes the network's nodes have, in the order first met. */
    static List<NetworkAttribute> of(VaultNetwork network) {
        Map<String, Type> types = new LinkedHashMap<>();
        Map<String, Boolean> lists = new LinkedHashMap<>();
        network.lists().forEach(name -> lists.put(name, true));
        for (VaultNetwork.Vertex v : network.vertices()) {
            v.attributes().forEach((name, values) -> {
                for (Node value : values) types.merge(name, typeOf(value), NetworkAttribute::common);
                lists.merge(name, values.size() > 1, Boolean::logicalOr);
            });
        }
        List<NetworkAttribute> out = new ArrayList<>();
        types.forEach((name, type) -> out.add(new NetworkAttribute(name, type, lists.get(name))));
        return out;
    }

    /** The value of this attribute for a node as the formats write it, or null when it has none. */
    String text(VaultNetwork.Vertex v) {
        List<Node> values = v.attributes().get(name);
        if (values == null || values.isEmpty()) return null;
        List<String> texts = values.stream().map(Node::getLiteralLexicalForm).toList();
        if (list) return String.join(LIST_SEPARATOR, texts);
        return texts.get(0);
    }

    /** The calendar date a date value falls on ({@code 2025-01-30} of {@code 2025-01-30T14:48:20}), or null. */
    static String day(Node value) {
        if (value == null || typeOf(value) != Type.DATE) return null;
        String lexical = value.getLiteralLexicalForm();
        return lexical.matches("\\d{4}-\\d{2}-\\d{2}.*") ? lexical.substring(0, 10) : null;
    }

    static Type typeOf(Node literal) {
        RDFDatatype datatype = literal.getLiteralDatatype();
        if (datatype == null) return Type.STRING;
        if (datatype.equals(XSDDatatype.XSDboolean)) return Type.BOOLEAN;
        if (datatype.equals(XSDDatatype.XSDdate) || datatype.equals(XSDDatatype.XSDdateTime)
                || datatype.equals(XSDDatatype.XSDdateTimeStamp)) {
            return Type.DATE;
        }
        if (datatype instanceof XSDDatatype xsd && xsd.isValidLiteral(literal.getLiteral())) {
            Object value = literal.getLiteralValue();
            if (value instanceof Integer || value instanceof Long) return Type.INTEGER;
            // An integer beyond a long would not read back as a number.
            if (value instanceof Number && !(value instanceof java.math.BigInteger)) return Type.DOUBLE;
        }
        return Type.STRING;
    }

    /** The type values of both types fit: integers widen to doubles, anything else mixed is text. */
    private static Type common(Type a, Type b) {
        if (a == b) return a;
        if ((a == Type.INTEGER && b == Type.DOUBLE) || (a == Type.DOUBLE && b == Type.INTEGER)) return Type.DOUBLE;
        return Type.STRING;
    }
}
