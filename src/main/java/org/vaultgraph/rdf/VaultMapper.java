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
import org.vaultgraph.vault.ListItem;
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
    public static final int OUTPUT_VERSION = 4;

    private final Mapping mapping;
    private final IriMinter iris;
    private final NoteClassifier classifier;

    public VaultMapper(Mapping mapping) {
        this.mapping = mapping;
        this.iris = new IriMinter(mapping.base());
        this.classifier = new NoteClassifier(mapping);
    }

    public IriMinter iris() {
        return iris;
    }

    public Mapping mapping() {
        return mapping;
    }

    /**
     * Emits the quads of every note and attachment of the vault, in path order (notes are mapped on every
     * core; equal nodes are one object, see {@link SharedNodes}); returns what could not be mapped.
     */
    public List<Problem> map(Vault vault, StreamRDF sink) {
        VaultContext context = context(vault);
        List<Problem> problems = new ArrayList<>();
        sink.start();
        SharedNodes shared = new SharedNodes();
        new ParallelMapping(this, context).mapInOrder(vault.notes(), write -> ParallelMapping.collect(write, shared), (quads, found) -> {
            quads.forEach(sink::quad);
            problems.addAll(found);
        });
        for (Attachment attachment : vault.attachments()) mapAttachment(attachment, sink, problems);
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
        QuadEmitter out = new QuadEmitter(n, sink);
        Set<String> classes = context.classesOf(note.path());

        out.add(n, RDF.type.asNode(), VG.Note);
        for (String c : classes) out.add(n, RDF.type.asNode(), NodeFactory.createURI(c));
        classifier.defaultClass(note).filter(c -> classes.contains(c.iri())).ifPresent(c -> mapDefaultClass(c, out));
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
        List<Node> occurrences = new ArrayList<>();
        Set<String> linked = mapLinks(note, context, out, occurrences);
        mapExternalLinks(note, out, problems);
        mapFields(note, context, out, new LinkOccurrences(note.links(), occurrences));
        for (ConceptMatches.Match match : ConceptMatches.of(note, problems)) out.add(n, match.property(), match.target());
        mapFileClass(note, context, out, classes);
        if (classes.contains(VG.Insight.getURI())) mapInsight(note, context, out, linked);
        mapDataviewBlocks(note, n, out);
        mapBaseBlocks(note, n, out, problems);
    }

    /** A class minted from the note's own words is described where it is used, as tags are. */
    private static void mapDefaultClass(NoteClassifier.DefaultClass c, QuadEmitter out) {
        Node node = NodeFactory.createURI(c.iri());
        out.add(node, RDF.type.asNode(), org.apache.jena.vocabulary.OWL.Class.asNode());
        out.add(node, RDFS.label.asNode(), string(c.label()));
        out.add(node, RDFS.subClassOf.asNode(), VG.Note);
    }

    private void mapTags(Note note, QuadEmitter out) {
        // The text's tags as written, in order, repeats kept (front matter tags are in its fields).
        List<TagRef> body = note.tags().stream().filter(t -> !t.frontMatter()).toList();
        if (!body.isEmpty()) {
            Node seq = NodeFactory.createURI(out.graph.getURI() + "#body-tags");
            out.add(out.graph, VG.bodyTags, seq);
            out.add(seq, RDF.type.asNode(), VG.Seq);
            for (int i = 0; i < body.size(); i++) out.addOnce(seq, VG.member(i + 1), string("#" + body.get(i).name()));
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> described = new java.util.HashSet<>();
        for (TagRef tag : note.tags()) {
            String name = tag.name().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) continue;
            Node t = NodeFactory.createURI(iris.tag(name));
            out.addOnce(out.graph, VG.tag, t);
            // Parents come along so that #a finds #a/b, as Dataview's file.tags does.
            String child = name;
            Node childNode = t;
            while (described.add(child)) {
                out.addOnce(childNode, RDF.type.asNode(), VG.Tag);
                out.addOnce(childNode, VG.tagName, string(child));
                out.addOnce(childNode, RDFS.label.asNode(), string("#" + child));
                int slash = child.lastIndexOf('/');
                if (slash <= 0) break;
                child = child.substring(0, slash);
                Node parent = NodeFactory.createURI(iris.tag(child));
                out.addOnce(childNode, VG.broader, parent);
                childNode = parent;
            }
        }
    }

    /** Emits vg:linksTo and vg:embeds, and each occurrence's IRI to {@code occurrences}; returns the paths of the notes linked to. */
    private Set<String> mapLinks(Note note, VaultContext context, QuadEmitter out, List<Node> occurrences) {
        Set<String> linkedNotes = new LinkedHashSet<>();
        int index = 0;
        for (Link link : note.links()) {
            Target target = target(link.target(), note.path(), context, out);
            out.add(out.graph, VG.linksTo, target.iri());
            if (link.embed()) out.add(out.graph, VG.embeds, target.iri());
            if (target.notePath() != null) linkedNotes.add(target.notePath());
            occurrences.add(mapLinkOccurrence(link, ++index, target.iri(), out));
        }
        return linkedNotes;
    }

    /** One link as written ({@code <note>#link-3}): what it names, heading or block, alias, line; nothing of it is lost. */
    private Node mapLinkOccurrence(Link link, int index, Node target, QuadEmitter out) {
        Node occurrence = NodeFactory.createURI(out.graph.getURI() + "#link-" + index);
        out.addOnce(out.graph, VG.hasLink, occurrence);
        out.addOnce(occurrence, RDF.type.asNode(), VG.Link);
        out.addOnce(occurrence, VG.target, target);
        out.addOnce(occurrence, VG.linkText, string(link.target()));
        if (!link.subpath().isEmpty()) out.addOnce(occurrence, VG.subpath, string(link.subpath()));
        if (link.display() != null) out.addOnce(occurrence, VG.displayText, string(link.display()));
        if (link.embed()) out.addOnce(occurrence, VG.embed, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        out.addOnce(occurrence, VG.line, NodeFactory.createLiteralDT(Integer.toString(link.line()), XSDDatatype.XSDinteger));
        if (link.syntax() == Link.Syntax.FRONT_MATTER) out.addOnce(occurrence, VG.inFrontMatter, FieldWriter.TRUE);
        return occurrence;
    }

    /** What a link resolves to: its IRI, and the note's path when it names a note. */
    private record Target(Node iri, String notePath) {}

    /** The IRI a link target names: a note, an attachment, or an unresolved target (described in this graph). */
    private Target target(String linkTarget, String sourcePath, VaultContext context, QuadEmitter out) {
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

    private void mapExternalLinks(Note note, QuadEmitter out, List<Problem> problems) {
        for (String url : note.externalLinks()) {
            try {
                IRIx iri = IRIx.create(url);
                if (iri.hasViolations()) throw new IRIException("not a valid IRI");
                out.add(out.graph, VG.linksToExternal, NodeFactory.createURI(iri.str()));
            } catch (IRIException e) {
                // Only this link is lost, so it is a minor problem, placed where the address is first written.
                int at = note.text().indexOf(url);
                int line = 0;
                if (at >= 0) {
                    line = 1;
                    for (int i = note.text().indexOf('\n'); i >= 0 && i < at; i = note.text().indexOf('\n', i + 1)) line++;
                }
                int column = at < 0 ? 0 : at - note.text().lastIndexOf('\n', at - 1);
                problems.add(Problem.minor(note.path(), line, column, "web link '" + url + "' is not a valid address; left out of the graph"));
            }
        }
    }

    /** The note's fields, and its list items and tasks with theirs; see {@link FieldWriter} for the two ways they are written. */
    private void mapFields(Note note, VaultContext context, QuadEmitter out, LinkOccurrences occurrences) {
        FieldWriter fields = new FieldWriter(iris, mapping.properties(), out,
                linkText -> target(linkText, note.path(), context, out).iri(), occurrences);
        Map<String, Integer> pageKeyCounts = new HashMap<>();
        note.fields().forEach(f -> pageKeyCounts.merge(f.canonicalKey(), 1, Integer::sum));
        List<Field> ownFields = note.fields().stream().filter(f -> f.origin() != Field.Origin.LIST_ITEM).toList();
        String prefix = out.graph.getURI() + "#";
        fields.write(out.graph, prefix, "", ownFields, 0, out.graph, pageKeyCounts);
        for (ListItem item : note.listItems()) {
            Node node = NodeFactory.createURI(prefix + "item-" + item.line());
            out.addOnce(out.graph, VG.listItem, node);
            out.addOnce(node, RDF.type.asNode(), VG.ListItem);
            if (item.isTask()) {
                out.addOnce(node, RDF.type.asNode(), VG.Task);
                out.addOnce(node, VG.status, string(item.status()));
            }
            out.addOnce(node, VG.line, FieldWriter.integer(item.line()));
            if (item.lineCount() > 1) out.addOnce(node, VG.lineCount, FieldWriter.integer(item.lineCount()));
            out.addOnce(node, VG.symbol, string(item.symbol()));
            out.addOnce(node, VG.text, string(item.text()));
            out.addOnce(node, VG.listLine, FieldWriter.integer(item.listLine()));
            if (item.parentLine() > 0) out.addOnce(node, VG.parentItem, NodeFactory.createURI(prefix + "item-" + item.parentLine()));
            if (item.blockId() != null) out.addOnce(node, VG.blockId, string(item.blockId()));
            if (item.section() != null) out.addOnce(node, VG.section, string(item.section()));
            // A plain item's fields are the page's too; a task keeps its own.
            fields.write(node, prefix + "item-" + item.line() + "/", "item-" + item.line() + "/", item.fields(),
                    item.line() + item.lineCount() - 1, item.isTask() ? null : out.graph, pageKeyCounts);
        }
        Optional<FieldValue.DateValue> day = day(note);
        day.ifPresent(d -> out.add(out.graph, VG.day, date(d)));
    }

    private static final java.util.regex.Pattern DASHED_DAY = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final java.util.regex.Pattern COMPACT_DAY = java.util.regex.Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /**
     * Dataview's file.day: the first value written under a key "date" or "day" (any case) when it is a
     * date, with its time if it has one; else a date in the file name.
     */
    static Optional<FieldValue.DateValue> day(Note note) {
        Set<String> keysSeen = new java.util.HashSet<>();
        for (Field field : note.fields()) {
            String key = field.key().toLowerCase(Locale.ROOT);
            if (!(key.equals("date") || key.equals("day")) || !keysSeen.add(field.key())) continue;
            if (field.value() instanceof FieldValue.DateValue d) return Optional.of(d);
        }
        java.util.regex.Matcher m = DASHED_DAY.matcher(note.name());
        if (!m.find()) {
            m = COMPACT_DAY.matcher(note.name());
            if (!m.find()) return Optional.empty();
        }
        String lexical = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
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

    private void mapFileClass(Note note, VaultContext context, QuadEmitter out, Set<String> classes) {
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

    private void mapInsight(Note note, VaultContext context, QuadEmitter out, Set<String> linked) {
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

    private void mapDataviewBlocks(Note note, Node n, QuadEmitter out) {
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

    /** Each ```base block as a base of its own ({@code <note>#base-N}), like a dataview block. */
    private void mapBaseBlocks(Note note, Node n, QuadEmitter out, List<Problem> problems) {
        int index = 0;
        for (CodeBlock block : note.codeBlocks()) {
            if (!block.language().equalsIgnoreCase("base")) continue;
            Node base = NodeFactory.createURI(n.getURI() + "#base-" + (++index));
            out.add(n, VG.baseBlock, base);
            out.add(base, VG.line, NodeFactory.createLiteralDT(Integer.toString(block.line()), XSDDatatype.XSDinteger));
            BaseMapper.map(base, base.getURI() + "/", block.content(), note.path(), block.contentLine(), out, problems);
        }
    }

    /** Emits the quads of a file that is not a note, in its own named graph. */
    public void mapAttachment(Attachment attachment, StreamRDF sink) {
        mapAttachment(attachment, sink, new ArrayList<>());
    }

    /** Emits the quads of a file that is not a note, in its own named graph; a base that does not read is a problem. */
    public void mapAttachment(Attachment attachment, StreamRDF sink, List<Problem> problems) {
        Node a = NodeFactory.createURI(iris.attachment(attachment.path()));
        QuadEmitter out = new QuadEmitter(a, sink);
        out.add(a, RDF.type.asNode(), VG.Attachment);
        out.add(a, VG.path, string(attachment.path()));
        out.add(a, VG.name, string(attachment.name()));
        out.add(a, RDFS.label.asNode(), string(attachment.name()));
        int slash = attachment.path().lastIndexOf('/');
        out.add(a, VG.folder, string(slash < 0 ? "" : attachment.path().substring(0, slash)));
        out.add(a, VG.size, NodeFactory.createLiteralDT(Long.toString(attachment.file().size()), XSDDatatype.XSDlong));
        fileFacts(a, attachment.file(), out);
        if (attachment.isBase() && attachment.text() != null) {
            BaseMapper.map(a, a.getURI() + "#", attachment.text(), attachment.path(), 1, out, problems);
        }
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
    private static void fileFacts(Node subject, FileStamp file, QuadEmitter out) {
        out.add(subject, VG.fileModified, NodeFactory.createLiteralDT(fileTime(file.modified()), XSDDatatype.XSDdateTime));
        out.add(subject, VG.fileCreated, NodeFactory.createLiteralDT(fileTime(file.created()), XSDDatatype.XSDdateTime));
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

}
