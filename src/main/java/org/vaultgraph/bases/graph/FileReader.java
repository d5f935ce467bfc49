package org.vaultgraph.bases.graph;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.query.GraphTriples;
import org.vaultgraph.rdf.VG;

/**
 * Reads one file's facts back from its named graph: file times and size, tags, link occurrences, and
 * the front matter's entries as Obsidian's properties (lists in order, nested objects, links, dates;
 * a duration is the text it was written as, since Obsidian has no duration property type).
 */
final class FileReader {
    private final GraphLinks links;
    private final ZoneId zone;

    FileReader(GraphLinks links, ZoneId zone) {
        this.links = links;
        this.zone = zone;
    }


    FileFacts read(String path, Node file, GraphTriples t) {
        boolean note = t.isA(file, VG.Note);
        Node size = t.object(file, VG.size);
        Map<String, BaseValue> properties = new LinkedHashMap<>();
        for (Entry e : entries(file, t, false)) properties.putIfAbsent(e.key, e.value);

        Set<String> tagNames = new LinkedHashSet<>();
        for (Node tag : t.objects(file, VG.tag)) {
            Node name = t.object(tag, VG.tagName);
            if (name != null) tagNames.add(name.getLiteralLexicalForm());
        }
        List<String> tags = writtenTags(file, t, properties);

        List<BaseValue.LinkValue> outLinks = new ArrayList<>();
        List<BaseValue.LinkValue> embeds = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        List<Node> occurrences = new ArrayList<>(t.objects(file, VG.hasLink));
        occurrences.sort(Comparator.comparingInt(FileReader::occurrenceIndex));
        for (Node o : occurrences) {
            BaseValue.LinkValue link = link(o, t);
            (t.object(o, VG.embed) != null ? embeds : outLinks).add(link);
            targets.add(link.resolved() ? link.target() : link.target().toLowerCase(Locale.ROOT));
        }
        return new FileFacts(path, note, size == null ? 0 : Double.parseDouble(size.getLiteralLexicalForm()),
                time(t.object(file, VG.fileCreated)), time(t.object(file, VG.fileModified)), List.copyOf(tags), Set.copyOf(tagNames),
                List.copyOf(outLinks), List.copyOf(embeds), Set.copyOf(targets), java.util.Collections.unmodifiableMap(properties));
    }

    private static int occurrenceIndex(Node occurrence) {
        String iri = occurrence.getURI();
        int at = iri.lastIndexOf("#link-");
        return at < 0 ? Integer.MAX_VALUE : Integer.parseInt(iri.substring(at + 6));
    }

    /** The tags as written, each once: the front matter's, then the text's (in the order of vg:bodyTags). */
    private static List<String> writtenTags(Node file, GraphTriples t, Map<String, BaseValue> properties) {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (Map.Entry<String, BaseValue> p : properties.entrySet()) {
            String key = p.getKey().toLowerCase(Locale.ROOT);
            if (!key.equals("tags") && !key.equals("tag")) continue;
            List<BaseValue> values = p.getValue() instanceof BaseValue.ListValue l ? l.items() : List.of(p.getValue());
            for (BaseValue v : values) {
                if (!(v instanceof BaseValue.StringValue s)) continue;
                for (String tag : s.value().split("[,\\s]+")) {
                    String clean = tag.startsWith("#") ? tag.substring(1) : tag;
                    if (!clean.isEmpty()) byLower.putIfAbsent(clean.toLowerCase(Locale.ROOT), "#" + clean);
                }
            }
        }
        Node seq = t.object(file, VG.bodyTags);
        if (seq != null) {
            for (Node member : t.members(seq)) {
                String tag = member.getLiteralLexicalForm();
                byLower.putIfAbsent(tag.substring(1).toLowerCase(Locale.ROOT), tag);
            }
        }
        return new ArrayList<>(byLower.values());
    }

    private record Entry(String key, BaseValue value, int position) {}

    /** The entries of a note (front matter ones only) or of a nested object (all of them). */
    private List<Entry> entries(Node subject, GraphTriples t, boolean nested) {
        List<Entry> out = new ArrayList<>();
        for (Node entry : t.objects(subject, VG.fieldEntry)) {
            if (!nested && t.object(entry, VG.inFrontMatter) == null) continue;
            Node key = t.object(entry, VG.key);
            Node position = t.object(entry, VG.position);
            if (key == null || position == null) continue;
            Node value = t.object(entry, VG.value);
            Node written = t.object(entry, VG.written);
            BaseValue v;
            if (value == null) v = BaseValue.NULL;
            else if (written != null && isDuration(value)) v = BaseValue.of(written.getLiteralLexicalForm());
            else v = value(value, t);
            out.add(new Entry(key.getLiteralLexicalForm(), v, Integer.parseInt(position.getLiteralLexicalForm())));
        }
        out.sort(Comparator.comparingInt(Entry::position));
        return out;
    }

    private BaseValue value(Node node, GraphTriples t) {
        if (node.isLiteral()) return literal(node);
        if (node.equals(VG.nullValue)) return BaseValue.NULL;
        if (t.isA(node, VG.Seq)) {
            List<BaseValue> items = new ArrayList<>();
            for (Node member : t.members(node)) items.add(value(member, t));
            return new BaseValue.ListValue(items);
        }
        if (t.isA(node, VG.FieldObject)) {
            Map<String, BaseValue> object = new LinkedHashMap<>();
            for (Entry e : entries(node, t, true)) object.putIfAbsent(e.key, e.value);
            return new BaseValue.ObjectValue(object);
        }
        if (t.isA(node, VG.Link)) return link(node, t);
        return BaseValue.of(node.getURI());
    }

    /** A link occurrence: the file it resolves to, or the text written; its heading and alias. */
    private BaseValue.LinkValue link(Node occurrence, GraphTriples t) {
        Node target = t.object(occurrence, VG.target);
        Node text = t.object(occurrence, VG.linkText);
        String path = target == null || !target.isURI() ? null : links.pathOf(target.getURI());
        String written = text == null ? "" : text.getLiteralLexicalForm();
        Node subpath = t.object(occurrence, VG.subpath);
        Node display = t.object(occurrence, VG.displayText);
        return new BaseValue.LinkValue(path != null ? path : written, path != null, subpath == null ? "" : subpath.getLiteralLexicalForm(),
                display == null ? null : BaseValue.of(display.getLiteralLexicalForm()));
    }


    private static boolean isDuration(Node node) {
        return node.isLiteral() && node.getLiteralDatatypeURI().startsWith(XSDDatatype.XSD + "#") && node.getLiteralDatatypeURI().endsWith("uration");
    }

    /** A typed literal as a property value: text, number, boolean, or date (local unless a zone was written). */
    private BaseValue literal(Node node) {
        String lexical = node.getLiteralLexicalForm();
        String type = node.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(type)) return BaseValue.of(Boolean.parseBoolean(lexical));
        if (XSDDatatype.XSDdate.getURI().equals(type)) {
            return new BaseValue.DateValue(DvDate.local(LocalDate.parse(lexical.substring(0, 10)).atStartOfDay(), zone), false);
        }
        if (XSDDatatype.XSDdateTime.getURI().equals(type)) {
            if (lexical.endsWith("Z") || lexical.matches(".*[+-]\\d{2}:\\d{2}$")) {
                OffsetDateTime time = OffsetDateTime.parse(lexical);
                return new BaseValue.DateValue(DvDate.of(time.toZonedDateTime(), DvDate.ZoneKind.FIXED), true);
            }
            return new BaseValue.DateValue(DvDate.local(LocalDateTime.parse(lexical), zone), true);
        }
        if (XSDDatatype.XSDinteger.getURI().equals(type) || XSDDatatype.XSDdecimal.getURI().equals(type)
                || XSDDatatype.XSDdouble.getURI().equals(type) || XSDDatatype.XSDlong.getURI().equals(type)) {
            return BaseValue.of(Double.parseDouble(lexical));
        }
        return BaseValue.of(lexical);
    }

    private DvDate time(Node node) {
        return node == null ? null : DvDate.ofInstant(Instant.parse(node.getLiteralLexicalForm()), zone);
    }
}
