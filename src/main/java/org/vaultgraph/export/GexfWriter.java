package org.vaultgraph.export;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.graph.Node;

/**
 * Writes a {@link VaultNetwork} as GEXF 1.2 (Gephi): nodes with their label, IRI, class and attributes,
 * edges with their kind as label and attribute and their weight. Dates are typed the way GEXF types
 * time: the graph's time format is {@code date} and each node starts on the day it was created, so
 * Gephi's timeline shows the vault grow.
 *
 * <pre>{@code new GexfWriter().write(network, out);}</pre>
 */
final class GexfWriter {
    private static final String NS = "http://www.gexf.net/1.2draft";
    /** The node attribute whose date is the node's start. */
    static final String START = "created";

    void write(VaultNetwork network, OutputStream out) throws XMLStreamException {
        List<NetworkAttribute> attributes = NetworkAttribute.of(network);
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("gexf");
        xml.writeDefaultNamespace(NS);
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", NS + " http://www.gexf.net/1.2draft/gexf.xsd");
        xml.writeAttribute("version", "1.2");
        xml.writeCharacters("\n");
        xml.writeStartElement("meta");
        element(xml, "creator", "vaultgraph");
        element(xml, "description", "notes, attachments and link targets of an Obsidian vault; edges are links, embeds "
                + "and links in fields (their kind); nodes start on the day they were created");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeStartElement("graph");
        xml.writeAttribute("defaultedgetype", "directed");
        xml.writeAttribute("mode", "dynamic");
        xml.writeAttribute("timeformat", "date");
        xml.writeCharacters("\n");

        xml.writeStartElement("attributes");
        xml.writeAttribute("class", "node");
        attribute(xml, "iri", "iri", "anyURI");
        attribute(xml, "class", "class", "string");
        Map<String, String> ids = new HashMap<>();
        for (NetworkAttribute a : attributes) {
            String id = "a" + ids.size();
            ids.put(a.name(), id);
            attribute(xml, id, a.name(), gexfType(a));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        // GEXF keeps "label" and "weight" for itself: the kind is the edge's label and its attribute.
        xml.writeStartElement("attributes");
        xml.writeAttribute("class", "edge");
        attribute(xml, "kind", "kind", "string");
        xml.writeEndElement();
        xml.writeCharacters("\n");

        xml.writeStartElement("nodes");
        xml.writeAttribute("count", Integer.toString(network.vertices().size()));
        xml.writeCharacters("\n");
        Map<String, String> nodeIds = new HashMap<>();
        for (VaultNetwork.Vertex v : network.vertices()) {
            String id = "n" + nodeIds.size();
            nodeIds.put(v.iri(), id);
            xml.writeStartElement("node");
            xml.writeAttribute("id", id);
            xml.writeAttribute("label", XmlText.clean(v.label()));
            List<Node> created = v.attributes().get(START);
            String start = created == null || created.isEmpty() ? null : NetworkAttribute.day(created.get(0));
            if (start != null) xml.writeAttribute("start", start);
            xml.writeStartElement("attvalues");
            value(xml, "iri", v.iri());
            value(xml, "class", v.className());
            for (NetworkAttribute a : attributes) value(xml, ids.get(a.name()), a.text(v));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");

        xml.writeStartElement("edges");
        xml.writeAttribute("count", Integer.toString(network.edges().size()));
        xml.writeCharacters("\n");
        int edgeId = 0;
        for (VaultNetwork.Edge e : network.edges()) {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", "e" + edgeId++);
            xml.writeAttribute("source", nodeIds.get(e.source()));
            xml.writeAttribute("target", nodeIds.get(e.target()));
            xml.writeAttribute("label", XmlText.clean(e.kind()));
            xml.writeAttribute("weight", Integer.toString(e.weight()));
            xml.writeStartElement("attvalues");
            value(xml, "kind", e.kind());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static String gexfType(NetworkAttribute a) {
        if (a.list()) return "liststring";
        return switch (a.type()) {
            case INTEGER -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE, STRING -> "string";
        };
    }

    private static void attribute(XMLStreamWriter xml, String id, String title, String type) throws XMLStreamException {
        xml.writeEmptyElement("attribute");
        xml.writeAttribute("id", id);
        xml.writeAttribute("title", XmlText.clean(title));
        xml.writeAttribute("type", type);
    }

    private static void value(XMLStreamWriter xml, String id, String value) throws XMLStreamException {
        if (value == null) return;
        xml.writeEmptyElement("attvalue");
        xml.writeAttribute("for", id);
        xml.writeAttribute("value", XmlText.clean(value));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
