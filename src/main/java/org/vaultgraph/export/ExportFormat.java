package org.vaultgraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The formats {@code vaultgraph export} writes. TriG, N-Quads and JSON-LD keep each note's named
 * graph; GraphML and GEXF are graphs of notes and links for Cytoscape, yEd and Gephi.
 */
public enum ExportFormat {
    TURTLE("turtle", "ttl", RDFFormat.TURTLE_BLOCKS, false),
    TRIG("trig", "trig", RDFFormat.TRIG_BLOCKS, true),
    NTRIPLES("ntriples", "nt", RDFFormat.NTRIPLES, false),
    NQUADS("nquads", "nq", RDFFormat.NQUADS, true),
    JSONLD("jsonld", "jsonld", RDFFormat.JSONLD11_PLAIN, true),
    RDFXML("rdfxml", "rdf", RDFFormat.RDFXML_PLAIN, false),
    GRAPHML("graphml", "graphml", null, false),
    GEXF("gexf", "gexf", null, false);

    private final String id;
    private final String extension;
    private final RDFFormat format;
    private final boolean quads;

    ExportFormat(String id, String extension, RDFFormat format, boolean quads) {
        this.id = id;
        this.extension = extension;
        this.format = format;
        this.quads = quads;
    }

    public String id() {
        return id;
    }

    public String extension() {
        return extension;
    }

    /** The RDF format, or null for a graph-drawing format. */
    public RDFFormat rdfFormat() {
        return format;
    }

    public Lang lang() {
        return format == null ? null : format.getLang();
    }

    /** Whether the format keeps named graphs. */
    public boolean quads() {
        return quads;
    }

    /** Whether the format is RDF (not a graph-drawing format). */
    public boolean isRdf() {
        return format != null;
    }

    /** The format named by its id or file extension, case-insensitively. */
    public static ExportFormat named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted) || f.extension.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; expected one of " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
    }
}
