package org.vaultgraph.export;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link VaultNetwork} as GraphML (Cytoscape, yEd, Gephi): nodes with their label, IRI, class
 * and attributes, edges with their kind and weight. GraphML has no date type: dates are ISO 8601 text,
 * which sorts in time order, and their key's description says so.
 *
 * <pre>{@code new GraphMlWriter().write(network, out);}</pre>
 */
final class GraphMlWriter {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    void write(VaultNetwork network, OutputStream out) throws XMLStreamException {
        List<NetworkAttribute> attributes = NetworkAttribute.of(network);
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("graphml");
        xml.writeDefaultNamespace(NS);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        xml.writeCharacters("\n");
        key(xml, "label", "node", "label", "string", null);
        key(xml, "iri", "node", "iri", "string", null);
        key(xml, "class", "node", "class", "string", null);
        Map<String, String> keys = new HashMap<>();
        for (NetworkAttribute a : attributes) {
            String id = "a" + keys.size();
            keys.put(a.name(), id);
            key(xml, id, "node", a.name(), graphMlType(a), description(a));
        }
        key(xml, "kind", "edge", "kind", "string", "link, embed, or the name of the field whose value the link is");
        key(xml, "weight", "edge", "weight", "int", "how many times the note writes this link");
        xml.writeStartElement("graph");
        xml.writeAttribute("id", "vault");
        xml.writeAttribute("edgedefault", "directed");
        xml.writeCharacters("\n");
        Map<String, String> ids = new HashMap<>();
        for (VaultNetwork.Vertex v : network.vertices()) {
            String id = "n" + ids.size();
            ids.put(v.iri(), id);
            xml.writeStartElement("node");
            xml.writeAttribute("id", id);
            data(xml, "label", v.label());
            data(xml, "iri", v.iri());
            data(xml, "class", v.className());
            for (NetworkAttribute a : attributes) data(xml, keys.get(a.name()), a.text(v));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        int edgeId = 0;
        for (VaultNetwork.Edge e : network.edges()) {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", "e" + edgeId++);
            xml.writeAttribute("source", ids.get(e.source()));
            xml.writeAttribute("target", ids.get(e.target()));
            data(xml, "kind", e.kind());
            data(xml, "weight", Integer.toString(e.weight()));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static String graphMlType(NetworkAttribute a) {
        if (a.list()) return "string";
        return switch (a.type()) {
            case INTEGER -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE, STRING -> "string";
        };
    }

    private static String description(NetworkAttribute a) {
        String what = a.type() == NetworkAttribute.Type.DATE
                ? "date: xsd:date or xsd:dateTime in ISO 8601 (GraphML has no date type)" : null;
        if (!a.list()) return what;
        return (what == null ? "" : what + "; ") + "a list, its items separated by " + NetworkAttribute.LIST_SEPARATOR;
    }

    private static void key(XMLStreamWriter xml, String id, String on, String name, String type, String description)
            throws XMLStreamException {
        xml.writeStartElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", on);
        xml.writeAttribute("attr.name", XmlText.clean(name));
        xml.writeAttribute("attr.type", type);
        if (description != null) {
            xml.writeStartElement("desc");
            xml.writeCharacters(description);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        if (value == null) return;
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }
}
