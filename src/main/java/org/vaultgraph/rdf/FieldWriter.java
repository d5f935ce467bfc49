package org.vaultgraph.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.FieldNames;
import org.vaultgraph.vault.FieldValue;

/**
 * Writes the fields of a note, of a list item, or of a nested object, two ways at once:
 * <ul>
 *   <li>simply, as {@code ?s field:genres ?value} for each value (list items flattened, links as the
 *       resource they name), so that ordinary SPARQL finds them;</li>
 *   <li>as written, as ordered entries ({@code vg:fieldEntry} with {@code vg:key}, {@code vg:position} and
 *       {@code vg:value}), where a list is an {@code rdf:Seq} keeping order and repeats,
 *       an object a {@code vg:FieldObject} with entries of its own, and a link the occurrence it was
 *       written as (with its alias and heading), so that nothing the vault says is lost.</li>
 * </ul>
 * One writer serves one note's graph.
 */
final class FieldWriter {
    private final IriMinter iris;
    private final Map<String, String> standardProperties;
    private final QuadEmitter out;
    private final Function<String, Node> targets;
    private final LinkOccurrences occurrences;
    private final Set<String> declared = new HashSet<>();
    private final Set<String> usedPaths = new HashSet<>();

    /**
     * @param targets     the resource a link text names from this note (a note, a file, or an unresolved target)
     * @param occurrences the note's link occurrences, for link values
     */
    FieldWriter(IriMinter iris, Map<String, String> standardProperties, QuadEmitter out, Function<String, Node> targets,
                LinkOccurrences occurrences) {
        this.iris = iris;
        this.standardProperties = standardProperties;
        this.out = out;
        this.targets = targets;
        this.occurrences = occurrences;
    }

    /**
     * Writes {@code fields} as entries of {@code subject} (named {@code <prefix>field-N}), and their
     * values simply, on {@code subject} and, when it is another resource, on {@code page} too (the fields
     * of a plain list item are also the page's, as in Dataview).
     *
     * @param lastLine      the last line a field's links may be written on (a list item's last line)
     * @param pageKeyCounts how often each canonical key occurs in the whole page: a key written twice makes a list
     */
    void write(Node subject, String prefix, String pathPrefix, List<Field> fields, int lastLine, Node page,
               Map<String, Integer> pageKeyCounts) {
        Map<String, Integer> localCounts = new HashMap<>();
        fields.forEach(f -> localCounts.merge(f.canonicalKey(), 1, Integer::sum));
        int position = 0;
        for (Field field : fields) {
            Node entry = NodeFactory.createURI(prefix + "field-" + (++position));
            out.add(subject, VG.fieldEntry, entry);
            out.add(entry, VG.key, VaultMapper.string(field.key()));
            out.add(entry, VG.position, integer(position));
            if (field.origin() == Field.Origin.FRONT_MATTER) out.add(entry, VG.inFrontMatter, TRUE);
            if (field.written() != null) out.add(entry, VG.written, VaultMapper.string(field.written()));
            int last = field.origin() == Field.Origin.FRONT_MATTER ? Integer.MAX_VALUE : Math.max(lastLine, field.line());
            Written written = value(field.value(), pathPrefix + uniquePath(pathPrefix, field.canonicalKey(), position), field, last);
            if (written.node() != null) out.add(entry, VG.value, written.node());
            boolean isList = field.value() instanceof FieldValue.ListValue;
            // Dataview treats a list value, or a field written more than once, as a list even with one item.
            Map<String, Integer> counts = subject.equals(page) ? pageKeyCounts : localCounts;
            simple(subject, field.canonicalKey(), field.key(), isList || counts.getOrDefault(field.canonicalKey(), 1) > 1, written.simple());
            if (page != null && !subject.equals(page)) {
                simple(page, field.canonicalKey(), field.key(), isList || pageKeyCounts.getOrDefault(field.canonicalKey(), 1) > 1, written.simple());
            }
        }
    }

    private String uniquePath(String pathPrefix, String key, int position) {
        String path = key;
        if (!usedPaths.add(pathPrefix + path)) {
            path = key + "-" + position;
            usedPaths.add(pathPrefix + path);
        }
        return path;
    }

    /** A value as written (its node for the entry) and as the simple triples give it. */
    private record Written(Node node, List<Node> simple) {}

    private Written value(FieldValue value, String keyPath, Field field, int lastLine) {
        if (value instanceof FieldValue.Null) return new Written(null, List.of());
        if (value instanceof FieldValue.LinkValue link) {
            Node target = targets.apply(link.link().target());
            Node occurrence = occurrences.match(link.link(), field, lastLine);
            if (occurrence == null) occurrence = standaloneLink(link, keyPath, target);
            return new Written(occurrence, List.of(target));
        }
        if (value instanceof FieldValue.ListValue list) {
            Node seq = node(keyPath);
            out.add(seq, RDF.type.asNode(), VG.Seq);
            List<Node> simple = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Written item = value(list.items().get(i), keyPath + "/" + i, field, lastLine);
                out.add(seq, VG.member(i + 1), item.node() == null ? VG.nullValue : item.node());
                simple.addAll(item.simple());
            }
            return new Written(seq, simple);
        }
        if (value instanceof FieldValue.ObjectValue object) {
            Node node = node(keyPath);
            out.add(node, RDF.type.asNode(), VG.FieldObject);
            int position = 0;
            for (Map.Entry<String, FieldValue> e : object.entries().entrySet()) {
                Node entry = NodeFactory.createURI(node.getURI() + "/field-" + (++position));
                out.add(node, VG.fieldEntry, entry);
                out.add(entry, VG.key, VaultMapper.string(e.getKey()));
                out.add(entry, VG.position, integer(position));
                Written inner = value(e.getValue(), keyPath + "/" + e.getKey(), field, lastLine);
                if (inner.node() != null) out.add(entry, VG.value, inner.node());
                simple(node, FieldNames.canonicalize(e.getKey()), e.getKey(), e.getValue() instanceof FieldValue.ListValue, inner.simple());
            }
            return new Written(node, List.of(node));
        }
        Node literal = VaultMapper.literal(value);
        return new Written(literal, List.of(literal));
    }

    /** A link value no occurrence of the note stands for (a link inside a nested object, say): a link node of its own. */
    private Node standaloneLink(FieldValue.LinkValue value, String keyPath, Node target) {
        Node node = NodeFactory.createURI(out.graph.getURI() + "#" + IriMinter.encodePath(keyPath) + "-link");
        out.add(node, RDF.type.asNode(), VG.Link);
        out.add(node, VG.target, target);
        out.add(node, VG.linkText, VaultMapper.string(value.link().target()));
        if (!value.link().subpath().isEmpty()) out.add(node, VG.subpath, VaultMapper.string(value.link().subpath()));
        if (value.link().display() != null) out.add(node, VG.displayText, VaultMapper.string(value.link().display()));
        if (value.link().embed()) out.add(node, VG.embed, TRUE);
        return node;
    }

    private void simple(Node subject, String canonicalKey, String rawKey, boolean list, List<Node> values) {
        if (canonicalKey.isEmpty()) return;
        Node predicate = NodeFactory.createURI(iris.field(canonicalKey));
        if (declared.add(canonicalKey + "\u0000" + rawKey)) {
            out.add(predicate, RDF.type.asNode(), RDF.Property.asNode());
            out.add(predicate, RDFS.subPropertyOf.asNode(), VG.field);
            out.add(predicate, RDFS.label.asNode(), VaultMapper.string(canonicalKey));
            out.add(predicate, VG.fieldName, VaultMapper.string(rawKey));
        }
        if (list) out.add(subject, VG.listField, predicate);
        // Standard properties (title -> dcterms:title) are the page's own.
        String standardProperty = subject.equals(out.graph) ? standardProperties.get(canonicalKey) : null;
        for (Node v : values) {
            out.add(subject, predicate, v);
            if (standardProperty != null) out.add(subject, NodeFactory.createURI(standardProperty), v);
        }
    }

    private Node node(String keyPath) {
        return NodeFactory.createURI(out.graph.getURI() + "#" + IriMinter.encodePath(keyPath));
    }

    static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
