package org.vaultgraph.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.CodeBlock;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.FieldNames;
import org.vaultgraph.vault.FieldValue;
import org.vaultgraph.vault.FileStamp;
import org.vaultgraph.vault.Link;
import org.vaultgraph.vault.LinkResolver;
import org.vaultgraph.vault.NonCharacters;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.TagRef;
import org.vaultgraph.vault.Vault;

/**
 * Turns a vault into RDF: every note's triples go to the sink as quads in a named graph of the
 * note's own IRI, so that one note can be replaced on its own.
 *
 * <pre>{@code
 * VaultMapper mapper = new VaultMapper(Mapping.forVault(root));
 * List<Problem> problems = mapper.map(vault, StreamRDFLib.dataset(datasetGraph));
 * }</pre>
 *
 * The mapper holds no state between calls and may be shared between threads.
 */
public final class VaultMapper {
    /** Changes whenever the mapper writes notes differently: a store written by another version is rebuilt. */
    public static final int OUTPUT_VERSION = 2;

    private final Mapping mapping;
    private final IriMinter iris;

    public VaultMapper(Mapping mapping) {
        this.mapping = mapping;
        this.iris = new IriMinter(mapping.base());
    }

    public IriMinter iris() {
        return iris;
    }

    public Mapping mapping() {
        return mapping;
    }

    /** Emits the quads of every note and attachment of the vault; returns what could not be mapped. */
    public List<Problem> map(Vault vault, StreamRDF sink) {
        VaultContext context = context(vault);
        List<Problem> problems = new ArrayList<>();
        sink.start();
        for (Note note : vault.notes()) mapNote(note, context, sink, problems);
        for (Attachment attachment : vault.attachments()) mapAttachment(attachment, sink);
        sink.finish();
        return problems;
    }

    /** What mapping one note needs to know about the rest of the vault. */
    public VaultContext context(Vault vault) {
        LinkResolver resolver = LinkResolver.of(vault);
        NoteClassifier classifier = new NoteClassifier(mapping);
        Map<String, Set<String>> classes = new HashMap<>();
        for (Note note : vault.notes()) classes.put(note.path(), classifier.classesOf(note));
        Set<String> attachments = new java.util.HashSet<>();
        vault.attachments().forEach(a -> attachments.add(a.path()));
        return new VaultContext(resolver, classes, attachments);
    }

    /**
     * The context from what a first pass over the vault kept: every file's path and each note's
     * classes (from {@link NoteClassifier}); the notes themselves need not stay in memory.
     */
    public static VaultContext context(Map<String, Set<String>> classesByNotePath, Set<String> attachmentPaths) {
        List<String> paths = new ArrayList<>(classesByNotePath.keySet());
        paths.addAll(attachmentPaths);
        return new VaultContext(LinkResolver.of(paths), classesByNotePath, attachmentPaths);
    }

    /** Everything a note's triples depend on beyond the note itself: link resolution and the classes of notes. */
    public record VaultContext(LinkResolver resolver, Map<String, Set<String>> classesByPath, Set<String> attachmentPaths) {
        Set<String> classesOf(String path) {
            return classesByPath.getOrDefault(path, Set.of());
        }
    }

    /**
     * Every link text the note's triples depend on: what its links, its fileClass and its source name.
     * Sync re-maps a note when one of these comes to resolve differently.
     */
    public Set<String> linkTargets(Note note) {
        Set<String> targets = new java.util.TreeSet<>();
        for (Link link : note.links()) targets.add(link.target());
        note.field(mapping.sourceField()).ifPresent(field -> targets.addAll(names(field.value())));
        note.field(mapping.fileClassField()).ifPresent(field -> {
            for (String name : names(field.value())) {
                targets.add(name);
                if (!mapping.fileClassFolder().isEmpty()) targets.add(mapping.fileClassFolder() + "/" + name);
            }
        });
        for (Field field : note.fields()) collectLinkValues(field.value(), targets);
        return targets;
    }

    private static void collectLinkValues(FieldValue value, Set<String> into) {
        if (value instanceof FieldValue.LinkValue link) into.add(link.link().target());
        else if (value instanceof FieldValue.ListValue list) list.items().forEach(v -> collectLinkValues(v, into));
        else if (value instanceof FieldValue.ObjectValue object) object.entries().values().forEach(v -> collectLinkValues(v, into));
    }

    /** The IRI of a note's named graph (the note's own IRI). */
    public Node graphOf(Note note) {
        return NodeFactory.createURI(iris.note(note.path()));
    }

    /** Emits the quads of one note, in its own named graph. */
    public void mapNote(Note note, VaultContext context, StreamRDF sink, List<Problem> problems) {
        Node n = graphOf(note);
        Emitter out = new Emitter(n, sink);
        Set<String> classes = context.classesOf(note.path());

        out.add(n, RDF.type.asNode(), VG.Note);
        for (String c : classes) out.add(n, RDF.type.asNode(), NodeFactory.createURI(c));
        if (classes.contains(VG.Therapy.getURI()) || classes.contains(VG.AnatomicalStructure.getURI())
                || classes.contains(VG.Outcome.getURI())) {
            out.add(n, RDF.type.asNode(), VG.Concept);
        }
        out.add(n, VG.path, string(note.path()));
        out.add(n, VG.name, string(note.name()));
        out.add(n, RDFS.label.asNode(), string(note.name()));
        out.add(n, VG.linkKey, string(linkKey(note.name())));
        out.add(n, VG.folder, string(note.folder()));
        out.add(n, VG.size, NodeFactory.createLiteralDT(Long.toString(note.file().size()), XSDDatatype.XSDlong));
        fileFacts(n, note.file(), out);
        out.add(n, VG.created, date(note.created()));
        out.add(n, VG.modified, date(note.modified()));
        if (mapping.includeContent()) out.add(n, VG.content, string(note.text()));
        for (String alias : note.aliases()) out.add(n, VG.altLabel, string(alias));

        mapTags(note, out);
        Set<String> linked = mapLinks(note, context, out);
        mapExternalLinks(note, out, problems);
        mapFields(note, context, out);
        for (ConceptMatches.Match match : ConceptMatches.of(note, problems)) out.add(n, match.property(), match.target());
        mapFileClass(note, context, out, classes);
        if (classes.contains(VG.Insight.getURI())) mapInsight(note, context, out, linked);
        mapDataviewBlocks(note, n, out);
    }

    private void mapTags(Note note, Emitter out) {
        Set<String> seen = new LinkedHashSet<>();
        for (TagRef tag : note.tags()) {
            String name = tag.name().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) continue;
            Node t = NodeFactory.createURI(iris.tag(name));
            out.add(out.graph, VG.tag, t);
            // Parents come along so that #a finds #a/b, as Dataview's file.tags does.
            String child = name;
            Node childNode = t;
            while (true) {
                out.add(childNode, RDF.type.asNode(), VG.Tag);
                out.add(childNode, VG.tagName, string(child));
                out.add(childNode, RDFS.label.asNode(), string("#" + child));
                int slash = child.lastIndexOf('/');
                if (slash <= 0) break;
                child = child.substring(0, slash);
                Node parent = NodeFactory.createURI(iris.tag(child));
                out.add(childNode, VG.broader, parent);
                childNode = parent;
            }
        }
    }

    /** Emits vg:linksTo and vg:embeds; returns the paths of the notes the note links to. */
    private Set<String> mapLinks(Note note, VaultContext context, Emitter out) {
        Set<String> linkedNotes = new LinkedHashSet<>();
        int index = 0;
        for (Link link : note.links()) {
            Target target = target(link.target(), note.path(), context, out);
            out.add(out.graph, VG.linksTo, target.iri());
            if (link.embed()) out.add(out.graph, VG.embeds, target.iri());
            if (target.notePath() != null) linkedNotes.add(target.notePath());
            mapLinkOccurrence(link, ++index, target.iri(), out);
        }
        return linkedNotes;
    }

    /** One link as written ({@code <note>#link-3}): what it names, heading or block, alias, line; nothing of it is lost. */
    private void mapLinkOccurrence(Link link, int index, Node target, Emitter out) {
        Node occurrence = NodeFactory.createURI(out.graph.getURI() + "#link-" + index);
        out.add(out.graph, VG.hasLink, occurrence);
        out.add(occurrence, RDF.type.asNode(), VG.Link);
        out.add(occurrence, VG.target, target);
        out.add(occurrence, VG.linkText, string(link.target()));
        if (!link.subpath().isEmpty()) out.add(occurrence, VG.subpath, string(link.subpath()));
        if (link.display() != null) out.add(occurrence, VG.displayText, string(link.display()));
        if (link.embed()) out.add(occurrence, VG.embed, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        out.add(occurrence, VG.line, NodeFactory.createLiteralDT(Integer.toString(link.line()), XSDDatatype.XSDinteger));
    }

    /** What a link resolves to: its IRI, and the note's path when it names a note. */
    private record Target(Node iri, String notePath) {}

    /** The IRI a link target names: a note, an attachment, or an unresolved target (described in this graph). */
    private Target target(String linkTarget, String sourcePath, VaultContext context, Emitter out) {
        Optional<String> resolved = context.resolver().resolve(linkTarget, sourcePath);
        if (resolved.isPresent()) {
            String path = resolved.get();
            return context.attachmentPaths().contains(path)
                    ? new Target(NodeFactory.createURI(iris.attachment(path)), null)
                    : new Target(NodeFactory.createURI(iris.note(path)), path);
        }
        Node unresolved = NodeFactory.createURI(iris.unresolved(linkTarget));
        out.add(unresolved, RDF.type.asNode(), VG.UnresolvedTarget);
        out.add(unresolved, RDFS.label.asNode(), string(linkTarget));
        return new Target(unresolved, null);
    }

    private void mapExternalLinks(Note note, Emitter out, List<Problem> problems) {
        for (String url : note.externalLinks()) {
            try {
                IRIx iri = IRIx.create(url);
                if (iri.hasViolations()) throw new IRIException("not a valid IRI");
                out.add(out.graph, VG.linksToExternal, NodeFactory.createURI(iri.str()));
            } catch (IRIException e) {
                // Only this link is lost, so it is a minor problem, placed where the address is first written.
                int at = note.text().indexOf(url);
                int line = at < 0 ? 0 : 1 + (int) note.text().substring(0, at).chars().filter(c -> c == '\n').count();
                int column = at < 0 ? 0 : at - note.text().lastIndexOf('\n', at - 1);
                problems.add(Problem.minor(note.path(), line, column, "web link '" + url + "' is not a valid address; left out of the graph"));
            }
        }
    }

    private void mapFields(Note note, VaultContext context, Emitter out) {
        Set<String> declared = new java.util.HashSet<>();
        Map<String, Integer> occurrences = new HashMap<>();
        note.fields().forEach(f -> occurrences.merge(f.canonicalKey(), 1, Integer::sum));
        for (Field field : note.fields()) {
            // Dataview treats a list value, or a field written more than once, as a list even with one item.
            boolean list = field.value() instanceof FieldValue.ListValue || occurrences.get(field.canonicalKey()) > 1;
            mapField(out.graph, field.canonicalKey(), field.key(), field.value(), list, field.canonicalKey(), note.path(), context, out, declared);
        }
        Optional<FieldValue.DateValue> day = day(note);
        day.ifPresent(d -> out.add(out.graph, VG.day, NodeFactory.createLiteralDT(d.lexical().substring(0, 10), XSDDatatype.XSDdate)));
    }

    /**
     * One field of a page, or of a nested object: its property, its values and, for an object, a node
     * of its own ({@code <note>#key/inner}) that holds the object's fields.
     */
    private void mapField(Node subject, String canonicalKey, String rawKey, FieldValue value, boolean list, String keyPath,
                          String sourcePath, VaultContext context, Emitter out, Set<String> declared) {
        Node predicate = NodeFactory.createURI(iris.field(canonicalKey));
        if (declared.add(canonicalKey + "\u0000" + rawKey)) {
            out.add(predicate, RDF.type.asNode(), RDF.Property.asNode());
            out.add(predicate, RDFS.subPropertyOf.asNode(), VG.field);
            out.add(predicate, RDFS.label.asNode(), string(canonicalKey));
            out.add(predicate, VG.fieldName, string(rawKey));
        }
        if (list) out.add(subject, VG.listField, predicate);
        String standard = subject.equals(out.graph) ? mapping.properties().get(canonicalKey) : null;
        List<FieldValue> items = value instanceof FieldValue.ListValue l ? l.items() : List.of(value);
        for (int i = 0; i < items.size(); i++) {
            FieldValue item = items.get(i);
            String itemPath = items.size() > 1 || list ? keyPath + "/" + i : keyPath;
            for (Node node : values(item, itemPath, sourcePath, context, out, declared)) {
                out.add(subject, predicate, node);
                if (standard != null) out.add(out.graph, NodeFactory.createURI(standard), node);
            }
        }
    }

    private List<Node> values(FieldValue value, String keyPath, String sourcePath, VaultContext context, Emitter out, Set<String> declared) {
        List<Node> nodes = new ArrayList<>();
        if (value instanceof FieldValue.ListValue list) {
            // A list inside a list keeps its items as values of the same field.
            for (int i = 0; i < list.items().size(); i++) {
                nodes.addAll(values(list.items().get(i), keyPath + "/" + i, sourcePath, context, out, declared));
            }
        } else if (value instanceof FieldValue.LinkValue link) {
            nodes.add(target(link.link().target(), sourcePath, context, out).iri());
        } else if (value instanceof FieldValue.ObjectValue object) {
            Node node = NodeFactory.createURI(out.graph.getURI() + "#" + IriMinter.encodePath(keyPath));
            out.add(node, RDF.type.asNode(), VG.FieldObject);
            for (Map.Entry<String, FieldValue> entry : object.entries().entrySet()) {
                FieldValue inner = entry.getValue();
                mapField(node, FieldNames.canonicalize(entry.getKey()), entry.getKey(), inner, inner instanceof FieldValue.ListValue,
                        keyPath + "/" + entry.getKey(), sourcePath, context, out, declared);
            }
            nodes.add(node);
        } else if (!(value instanceof FieldValue.Null)) {
            nodes.add(literal(value));
        }
        return nodes;
    }

    private static final java.util.regex.Pattern DAY_IN_NAME = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})(\\d{2})(\\d{2})");

    /** Dataview's file.day: a date or day field holding a date, else a date in the file name. */
    static Optional<FieldValue.DateValue> day(Note note) {
        for (Field field : note.fields()) {
            String key = field.key().toLowerCase(Locale.ROOT);
            if ((key.equals("date") || key.equals("day")) && field.value() instanceof FieldValue.DateValue d) return Optional.of(d);
        }
        java.util.regex.Matcher m = DAY_IN_NAME.matcher(note.name());
        if (!m.find()) return Optional.empty();
        String lexical = m.group(1) != null ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : m.group(4) + "-" + m.group(5) + "-" + m.group(6);
        return Optional.ofNullable(org.vaultgraph.vault.DataviewValues.parseDate(lexical));
    }

    /** A field value as a typed literal; lists, links and objects are handled by the caller. */
    static Node literal(FieldValue value) {
        if (value instanceof FieldValue.Text t) return string(t.text());
        if (value instanceof FieldValue.Number num) {
            return num.value().scale() <= 0
                    ? NodeFactory.createLiteralDT(num.value().toBigInteger().toString(), XSDDatatype.XSDinteger)
                    : NodeFactory.createLiteralDT(num.value().toPlainString(), XSDDatatype.XSDdecimal);
        }
        if (value instanceof FieldValue.Bool b) return NodeFactory.createLiteralDT(Boolean.toString(b.value()), XSDDatatype.XSDboolean);
        if (value instanceof FieldValue.DateValue d) return date(d);
        if (value instanceof FieldValue.Duration d) return duration(d.lexical());
        throw new IllegalArgumentException("no literal form for " + value);
    }

    /** A value as Dataview would show it in text. */
    static String text(FieldValue value) {
        if (value instanceof FieldValue.Text t) return t.text();
        if (value instanceof FieldValue.Number n) return n.value().toPlainString();
        if (value instanceof FieldValue.Bool b) return Boolean.toString(b.value());
        if (value instanceof FieldValue.DateValue d) return d.lexical();
        if (value instanceof FieldValue.Duration d) return d.lexical();
        if (value instanceof FieldValue.LinkValue l) {
            Link link = l.link();
            return (link.embed() ? "!" : "") + "[[" + link.target() + link.subpath()
                    + (link.display() == null ? "" : "|" + link.display()) + "]]";
        }
        if (value instanceof FieldValue.ListValue l) {
            return String.join(", ", l.items().stream().map(VaultMapper::text).toList());
        }
        return "";
    }

    private void mapFileClass(Note note, VaultContext context, Emitter out, Set<String> classes) {
        note.field(mapping.fileClassField()).ifPresent(field -> {
            for (String name : names(field.value())) {
                String target = mapping.fileClassFolder().isEmpty() ? name : mapping.fileClassFolder() + "/" + name;
                Optional<String> path = context.resolver().resolve(target, note.path());
                if (path.isEmpty()) path = context.resolver().resolve(name, note.path());
                out.add(out.graph, VG.fileClass, path.isPresent() ? NodeFactory.createURI(iris.note(path.get()))
                        : target(name, note.path(), context, out).iri());
            }
        });
        if (classes.contains(VG.FileClass.getURI())) {
            note.field(mapping.iconField()).ifPresent(icon -> {
                for (String name : names(icon.value())) out.add(out.graph, VG.icon, string(name));
            });
        }
    }

    /** The names a field value gives: text items, or the targets of links. */
    private static List<String> names(FieldValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof FieldValue.ListValue list) list.items().forEach(item -> out.addAll(names(item)));
        else if (value instanceof FieldValue.LinkValue link) out.add(link.link().target());
        else if (!(value instanceof FieldValue.Null) && !text(value).isBlank()) out.add(text(value).strip());
        return out;
    }

    private void mapInsight(Note note, VaultContext context, Emitter out, Set<String> linked) {
        // Every statement is kept: none, or more than one, is a data-quality finding that validate's shapes report.
        for (Field field : note.fields()) {
            if (field.canonicalKey().equals(mapping.statementField())) out.add(out.graph, VG.statement, string(text(field.value())));
        }
        note.field(mapping.sourceField()).ifPresent(field -> {
            for (String name : names(field.value())) out.add(out.graph, VG.source, target(name, note.path(), context, out).iri());
        });
        for (String path : linked) {
            if (path.equals(note.path())) continue;
            Node target = NodeFactory.createURI(iris.note(path));
            Set<String> targetClasses = context.classesOf(path);
            boolean concept = targetClasses.contains(VG.Concept.getURI());
            if (targetClasses.contains(VG.Therapy.getURI())) {
                out.add(out.graph, VG.therapy, target);
                concept = true;
            }
            if (targetClasses.contains(VG.AnatomicalStructure.getURI())) {
                out.add(out.graph, VG.anatomicalStructure, target);
                concept = true;
            }
            if (targetClasses.contains(VG.Outcome.getURI())) {
                out.add(out.graph, VG.outcome, target);
                concept = true;
            }
            if (concept) out.add(out.graph, VG.about, target);
        }
    }

    private void mapDataviewBlocks(Note note, Node n, Emitter out) {
        int index = 0;
        for (CodeBlock block : note.codeBlocks()) {
            if (!block.language().equalsIgnoreCase("dataview")) continue;
            Node query = NodeFactory.createURI(n.getURI() + "#dataview-" + (++index));
            out.add(n, VG.dataviewQuery, query);
            out.add(query, RDF.type.asNode(), VG.DataviewQuery);
            out.add(query, VG.queryText, string(block.content()));
            out.add(query, VG.line, NodeFactory.createLiteralDT(Integer.toString(block.line()), XSDDatatype.XSDinteger));
        }
    }

    /** Emits the quads of a file that is not a note, in its own named graph. */
    public void mapAttachment(Attachment attachment, StreamRDF sink) {
        Node a = NodeFactory.createURI(iris.attachment(attachment.path()));
        Emitter out = new Emitter(a, sink);
        out.add(a, RDF.type.asNode(), VG.Attachment);
        out.add(a, VG.path, string(attachment.path()));
        out.add(a, VG.name, string(attachment.name()));
        out.add(a, RDFS.label.asNode(), string(attachment.name()));
        int slash = attachment.path().lastIndexOf('/');
        out.add(a, VG.folder, string(slash < 0 ? "" : attachment.path().substring(0, slash)));
        out.add(a, VG.size, NodeFactory.createLiteralDT(Long.toString(attachment.file().size()), XSDDatatype.XSDlong));
        fileFacts(a, attachment.file(), out);
    }

    /**
     * A duration with the most precise XML Schema type that holds it: xsd:dayTimeDuration (days to
     * seconds) or xsd:yearMonthDuration, which SPARQL can add and compare, else xsd:duration.
     */
    public static Node duration(String lexical) {
        int t = lexical.indexOf('T');
        String datePart = t < 0 ? lexical : lexical.substring(0, t);
        boolean yearMonth = datePart.contains("Y") || datePart.contains("M");
        boolean dayTime = datePart.contains("D") || t >= 0;
        XSDDatatype type = yearMonth && dayTime ? XSDDatatype.XSDduration
                : yearMonth ? XSDDatatype.XSDyearMonthDuration : XSDDatatype.XSDdayTimeDuration;
        return NodeFactory.createLiteralDT(lexical, type);
    }

    static Node string(String text) {
        // Notes are cleaned when read; this also covers file names.
        return NodeFactory.createLiteralString(NonCharacters.replace(text));
    }

    static Node date(FieldValue.DateValue value) {
        return NodeFactory.createLiteralDT(value.lexical(), value.hasTime() ? XSDDatatype.XSDdateTime : XSDDatatype.XSDdate);
    }

    /** What sync compares with the file system: the file's modification time and the digest of its bytes. */
    private static void fileFacts(Node subject, FileStamp file, Emitter out) {
        out.add(subject, VG.fileModified, NodeFactory.createLiteralDT(fileTime(file.modified()), XSDDatatype.XSDdateTime));
        if (!file.sha256().isEmpty()) out.add(subject, VG.sha256, string(file.sha256()));
    }

    /** A note's name as links match it: in lower case, so a query finds a note by a key lookup, not a scan. */
    public static String linkKey(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * A file time as sync records it: UTC, to the millisecond, in xsd:dateTime's canonical form (no
     * trailing zeros in the fraction), which is how TDB2 gives it back.
     */
    public static String fileTime(java.time.Instant instant) {
        String text = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        return text.contains(".") ? text.replaceFirst("\\.?0*Z$", "Z") : text;
    }

    /** Writes the quads of one named graph, each distinct triple once. */
    private static final class Emitter {
        final Node graph;
        private final StreamRDF sink;
        private final Set<org.apache.jena.graph.Triple> seen = new java.util.HashSet<>();

        Emitter(Node graph, StreamRDF sink) {
            this.graph = graph;
            this.sink = sink;
        }

        void add(Node s, Node p, Node o) {
            org.apache.jena.graph.Triple t = org.apache.jena.graph.Triple.create(s, p, o);
            if (seen.add(t)) sink.quad(new Quad(graph, t));
        }
    }
}
