package org.vaultgraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The formats {@code vaultgraph export} writes; TriG and N-Quads keep each note's named graph. */
public enum ExportFormat {
    TURTLE("turtle", "ttl", RDFFormat.TURTLE_BLOCKS, false),
    TRIG("trig", "trig", RDFFormat.TRIG_BLOCKS, true),
    NTRIPLES("ntriples", "nt", RDFFormat.NTRIPLES, false),
    NQUADS("nquads", "nq", RDFFormat.NQUADS, true);

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

    public RDFFormat rdfFormat() {
        return format;
    }

    public Lang lang() {
        return format.getLang();
    }

    /** Whether the format keeps named graphs. */
    public boolean quads() {
        return quads;
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
