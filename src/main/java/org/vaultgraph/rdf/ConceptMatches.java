package org.vaultgraph.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.FieldValue;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;

/**
 * The public identifiers a note names in its fields, as SKOS mapping links to the identifiers' IRIs:
 * {@code uberon: UBERON:0002242} (likewise {@code mesh}, {@code ncit}, {@code wikidata}) gives
 * {@code skos:exactMatch}; {@code broad-match: MESH:D045164} (and {@code exact-}, {@code close-},
 * {@code narrow-}, {@code related-match}) names the relation and takes a CURIE or an IRI.
 *
 * <pre>{@code List<ConceptMatches.Match> matches = ConceptMatches.of(note, problems);}</pre>
 */
final class ConceptMatches {
    private ConceptMatches() {}

    /** One mapping link: {@code note property target}. */
    public record Match(Node property, Node target) {}

    /** A vocabulary whose identifiers we recognise: its CURIE prefixes, IRI stem and identifier shape. */
    enum Scheme {
        UBERON("UBERON", "http://purl.obolibrary.org/obo/UBERON_", "\\d{7}", "UBERON:0002242"),
        MESH("MeSH", "http://id.nlm.nih.gov/mesh/", "[DC]\\d{6,9}", "MESH:D011788"),
        NCIT("NCIT", "http://purl.obolibrary.org/obo/NCIT_", "C\\d{1,7}", "NCIT:C32902"),
        WIKIDATA("Wikidata", "http://www.wikidata.org/entity/", "Q[1-9]\\d*", "wikidata:Q42");

        final String title;
        final String iriStem;
        final Pattern id;
        final String example;

        Scheme(String title, String iriStem, String id, String example) {
            this.title = title;
            this.iriStem = iriStem;
            this.id = Pattern.compile(id);
            this.example = example;
        }
    }

    private static final Map<String, Scheme> BY_PREFIX = Map.of(
            "uberon", Scheme.UBERON, "mesh", Scheme.MESH, "ncit", Scheme.NCIT, "wikidata", Scheme.WIKIDATA, "wd", Scheme.WIKIDATA);

    /** Fields that name the identifier of one scheme, for an exact match. */
    private static final Map<String, Scheme> SCHEME_FIELDS = Map.of(
            "uberon", Scheme.UBERON, "mesh", Scheme.MESH, "ncit", Scheme.NCIT, "wikidata", Scheme.WIKIDATA);

    /** Fields that name the relation; their values are CURIEs or IRIs. */
    private static final Map<String, Node> RELATION_FIELDS = Map.of(
            "exact-match", skos("exactMatch"), "close-match", skos("closeMatch"), "broad-match", skos("broadMatch"),
            "narrow-match", skos("narrowMatch"), "related-match", skos("relatedMatch"));

    private static final Pattern CURIE = Pattern.compile("([A-Za-z]+)[:_](.+)");

    private static Node skos(String local) {
        return NodeFactory.createURI(VG.SKOS + local);
    }

    /** The note's mapping links; a value that is no identifier is reported with its line and left out. */
    public static List<Match> of(Note note, List<Problem> problems) {
        List<Match> matches = new ArrayList<>();
        for (Field field : note.fields()) {
            Scheme scheme = SCHEME_FIELDS.get(field.canonicalKey());
            Node relation = RELATION_FIELDS.get(field.canonicalKey());
            if (scheme == null && relation == null) continue;
            for (String value : texts(field.value())) {
                String iri = scheme != null ? inScheme(scheme, value) : curieOrIri(value);
                if (iri != null) {
                    matches.add(new Match(relation != null ? relation : skos("exactMatch"), NodeFactory.createURI(iri)));
                } else {
                    problems.add(Problem.at(note.path(), field.line(), 0, "field '" + field.key() + "' expects "
                            + (scheme != null ? "a " + scheme.title + " identifier such as " + scheme.example
                                    : "a CURIE such as UBERON:0002242, MESH:D011788, NCIT:C32902 or wikidata:Q42, or an http(s) IRI")
                            + ", found '" + value + "'; it is kept as a plain field value"));
                }
            }
        }
        return matches;
    }

    /** An identifier of the scheme, bare ({@code 0002242}), as a CURIE, or with an underscore; null when it is not one. */
    private static String inScheme(Scheme scheme, String value) {
        String id = value;
        var curie = CURIE.matcher(value);
        if (curie.matches()) {
            if (BY_PREFIX.get(curie.group(1).toLowerCase(Locale.ROOT)) != scheme) return null;
            id = curie.group(2);
        }
        return scheme.id.matcher(id).matches() ? scheme.iriStem + id : null;
    }

    private static String curieOrIri(String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return value.chars().anyMatch(c -> c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0) ? null : value;
        }
        var curie = CURIE.matcher(value);
        if (!curie.matches()) return null;
        Scheme scheme = BY_PREFIX.get(curie.group(1).toLowerCase(Locale.ROOT));
        return scheme == null ? null : inScheme(scheme, value);
    }

    private static List<String> texts(FieldValue value) {
        if (value instanceof FieldValue.ListValue list) return list.items().stream().flatMap(v -> texts(v).stream()).toList();
        if (value instanceof FieldValue.Text text) return List.of(text.text().strip());
        if (value instanceof FieldValue.Null) return List.of();
        if (value instanceof FieldValue.Number number) return List.of(number.value().toPlainString());
        return List.of(String.valueOf(value));
    }
}
