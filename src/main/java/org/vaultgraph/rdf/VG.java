package org.vaultgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the vaultgraph ontology ({@code ontology/vaultgraph.ttl}), and the standard terms the mapping uses.
 *
 * <pre>{@code Triple.create(note, VG.linksTo, target)}</pre>
 */
public final class VG {
    private VG() {}

    public static final String NS = "https://w3id.org/vaultgraph/ns#";
    public static final String ONTOLOGY = "https://w3id.org/vaultgraph/ns";

    public static final Node Note = term("Note");
    public static final Node Attachment = term("Attachment");
    public static final Node UnresolvedTarget = term("UnresolvedTarget");
    public static final Node Insight = term("Insight");
    public static final Node Concept = term("Concept");
    public static final Node Therapy = term("Therapy");
    public static final Node AnatomicalStructure = term("AnatomicalStructure");
    public static final Node Outcome = term("Outcome");
    public static final Node Source = term("Source");
    public static final Node FileClass = term("FileClass");
    public static final Node Tag = term("Tag");
    public static final Node DataviewQuery = term("DataviewQuery");
    public static final Node FieldObject = term("FieldObject");
    public static final Node Link = term("Link");
    public static final Node ListItem = term("ListItem");
    public static final Node Task = term("Task");
    public static final Node Base = term("Base");
    public static final Node BaseView = term("BaseView");
    public static final Node BaseFilter = term("BaseFilter");
    public static final Node Formula = term("Formula");
    /** Stands for a missing value among a list's members. */
    public static final Node nullValue = term("null");

    public static final Node path = term("path");
    public static final Node name = term("name");
    public static final Node linkKey = term("linkKey");
    public static final Node folder = term("folder");
    public static final Node size = term("size");
    public static final Node content = term("content");
    public static final Node fileModified = term("fileModified");
    public static final Node sha256 = term("sha256");
    public static final Node fileClass = term("fileClass");
    public static final Node icon = term("icon");
    public static final Node linksTo = term("linksTo");
    public static final Node embeds = term("embeds");
    public static final Node linksToExternal = term("linksToExternal");
    public static final Node hasLink = term("hasLink");
    public static final Node target = term("target");
    public static final Node linkText = term("linkText");
    public static final Node subpath = term("subpath");
    public static final Node displayText = term("displayText");
    public static final Node embed = term("embed");
    public static final Node tag = term("tag");
    public static final Node tagName = term("tagName");
    public static final Node dataviewQuery = term("dataviewQuery");
    public static final Node queryText = term("queryText");
    public static final Node line = term("line");
    public static final Node field = term("field");
    public static final Node fieldName = term("fieldName");
    public static final Node listField = term("listField");
    public static final Node fieldEntry = term("fieldEntry");
    public static final Node key = term("key");
    public static final Node position = term("position");
    public static final Node value = term("value");
    public static final Node inFrontMatter = term("inFrontMatter");
    public static final Node written = term("written");
    public static final Node bodyTags = term("bodyTags");
    public static final Node fileCreated = term("fileCreated");
    public static final Node listItem = term("listItem");
    public static final Node lineCount = term("lineCount");
    public static final Node symbol = term("symbol");
    public static final Node text = term("text");
    public static final Node status = term("status");
    public static final Node parentItem = term("parentItem");
    public static final Node listLine = term("listLine");
    public static final Node blockId = term("blockId");
    public static final Node section = term("section");
    public static final Node day = term("day");
    public static final Node statement = term("statement");
    public static final Node about = term("about");
    public static final Node therapy = term("therapy");
    public static final Node anatomicalStructure = term("anatomicalStructure");
    public static final Node outcome = term("outcome");
    public static final Node source = term("source");
    public static final Node baseBlock = term("baseBlock");
    public static final Node baseText = term("baseText");
    public static final Node view = term("view");
    public static final Node viewType = term("viewType");
    public static final Node filter = term("filter");
    public static final Node conjunction = term("conjunction");
    public static final Node expression = term("expression");
    public static final Node formula = term("formula");
    public static final Node order = term("order");
    public static final Node sort = term("sort");
    public static final Node groupBy = term("groupBy");
    public static final Node limit = term("limit");

    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final Node Seq = NodeFactory.createURI(RDF + "Seq");
    public static final Node created = NodeFactory.createURI(DCTERMS + "created");
    public static final Node modified = NodeFactory.createURI(DCTERMS + "modified");
    public static final Node altLabel = NodeFactory.createURI(SKOS + "altLabel");
    public static final Node broader = NodeFactory.createURI(SKOS + "broader");

    /** The membership property of an rdf:Seq for its 1-based position: rdf:_1, rdf:_2... */
    public static Node member(int position) {
        return NodeFactory.createURI(RDF + "_" + position);
    }

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
