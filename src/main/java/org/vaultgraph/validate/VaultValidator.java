package org.vaultgraph.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.OntologyFiles;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.Link;
import org.vaultgraph.vault.LinkResolver;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;

/**
 * Checks a loaded vault: what went wrong while reading it (broken front matter...), links that name
 * no note, and the SHACL shapes of well-formed insights, concepts and sources; each finding names
 * the note, the line where known, what is wrong and how to fix it.
 *
 * <pre>{@code
 * ValidationResult result = new VaultValidator(OntologyFiles.shapes()).validate(loaded);
 * System.out.print(result.text());
 * }</pre>
 */
public final class VaultValidator {
    private final Graph shapesGraph;
    private final Shapes shapes;

    /** @param shapesGraph the SHACL shapes to check, e.g. {@link OntologyFiles#shapes()} */
    public VaultValidator(Graph shapesGraph) {
        this.shapesGraph = shapesGraph;
        this.shapes = Shapes.parse(shapesGraph);
    }

    public ValidationResult validate(VaultLoader.LoadedVault loaded) {
        List<Finding> findings = new ArrayList<>();
        for (Problem p : loaded.problems()) {
            findings.add(new Finding(p.path(), p.line(), p.column(), p.minor() ? Finding.Severity.WARNING : Finding.Severity.ERROR,
                    p.message(), ""));
        }
        if (loaded.vault().problemsDropped() > 0) {
            findings.add(new Finding("", 0, 0, Finding.Severity.ERROR,
                    loaded.vault().problemsDropped() + " further problems were found but not listed", "fix the ones above and run validate again"));
        }
        findings.addAll(unresolvedLinks(loaded));
        ValidationReport report = runShapes(loaded.store().dataset());
        findings.addAll(shapeFindings(report, loaded));
        findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::message));
        return new ValidationResult(List.copyOf(findings), report, loaded.vault().notes().size());
    }

    /** The file types Obsidian opens besides notes (its "Accepted file formats"): a link to one asks for a file, not a note. */
    private static final Set<String> FILE_TYPES = Set.of("base", "canvas", "avif", "bmp", "gif", "jpeg", "jpg", "png", "svg",
            "webp", "flac", "m4a", "mp3", "ogg", "wav", "webm", "3gp", "mkv", "mov", "mp4", "ogv", "pdf");

    private static List<Finding> unresolvedLinks(VaultLoader.LoadedVault loaded) {
        LinkResolver resolver = LinkResolver.of(loaded.vault());
        Map<String, Note> byAlias = new HashMap<>();
        for (Note note : loaded.vault().notes()) {
            for (String alias : note.aliases()) byAlias.putIfAbsent(alias.toLowerCase(Locale.ROOT), note);
        }
        List<Finding> out = new ArrayList<>();
        for (Note note : loaded.vault().notes()) {
            for (Link link : note.links()) {
                if (link.target().isEmpty() || resolver.resolve(link.target(), note.path()).isPresent()) continue;
                Finding.Missing missing = missing(link, byAlias.get(link.target().toLowerCase(Locale.ROOT)));
                String message = switch (missing.kind()) {
                    case FILE -> "link " + missing.written() + " names a file that is not in the vault";
                    case ALIAS -> "link " + missing.written() + " names no note, only an alias of "
                            + byAlias.get(link.target().toLowerCase(Locale.ROOT)).path();
                    case NOTE -> "link " + missing.written() + " names no note or file of the vault";
                };
                out.add(new Finding(note.path(), link.line(), link.column(), Finding.Severity.WARNING, message, missing.fix(), missing));
            }
        }
        return out;
    }

    /** What a link that resolves to nothing asks for: a file, a note it names by an alias, or a note to write. */
    private static Finding.Missing missing(Link link, Note aliasOf) {
        String target = link.target();
        String bang = link.embed() ? "!" : "";
        String written = link.syntax() == Link.Syntax.MARKDOWN ? bang + "(" + target + link.subpath() + ")" : bang + "[[" + target + link.subpath() + "]]";
        String plain = link.syntax() == Link.Syntax.MARKDOWN ? bang + "(" + target + ")" : bang + "[[" + target + "]]";
        int dot = target.lastIndexOf('.');
        String extension = dot < 0 ? "" : target.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (FILE_TYPES.contains(extension)) {
            return new Finding.Missing(Finding.Missing.Kind.FILE, target, written, plain,
                    "add the file '" + target + "' to the vault, or correct the link");
        }
        if (aliasOf != null) {
            return new Finding.Missing(Finding.Missing.Kind.ALIAS, target, written, plain, "Obsidian finds a note by its file name,"
                    + " not its aliases: write [[" + aliasOf.name() + link.subpath() + "|" + target + "]]");
        }
        String name = extension.equals("md") ? target.substring(0, dot) : target;
        return new Finding.Missing(Finding.Missing.Kind.NOTE, name, written, plain,
                "create the note '" + name + ".md', or correct the link");
    }

    private ValidationReport runShapes(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Graph data = GraphFactory.createDefaultGraph();
            dataset.getUnionGraph().find().forEachRemaining(data::add);
            return ShaclValidator.get().validate(shapes, data);
        });
    }

    private List<Finding> shapeFindings(ValidationReport report, VaultLoader.LoadedVault loaded) {
        IriMinter iris = loaded.mapper().iris();
        Map<String, Note> notesByIri = new HashMap<>();
        for (Note note : loaded.vault().notes()) notesByIri.put(iris.note(note.path()), note);
        List<Finding> out = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            String focus = entry.focusNode().isURI() ? entry.focusNode().getURI().replaceFirst("#.*", "") : entry.focusNode().toString();
            Note note = notesByIri.get(focus);
            int line = note == null ? 0 : lineOf(note, entry, loaded.mapping());
            String message = entry.message();
            if (entry.value() != null) message += " Found: " + describe(entry.value(), loaded) + ".";
            out.add(new Finding(note == null ? focus : note.path(), line, 0, severity(entry.severity()), message, fix(entry.source())));
        }
        return out;
    }

    /** The line of the field the result is about, when the note has that field. */
    private static int lineOf(Note note, ReportEntry entry, Mapping mapping) {
        if (!(entry.resultPath() instanceof P_Link link)) return 0;
        String predicate = link.getNode().getURI();
        Set<String> fieldNames = new HashSet<>();
        if (predicate.equals(VG.statement.getURI())) fieldNames.add(mapping.statementField());
        if (predicate.equals(VG.source.getURI())) fieldNames.add(mapping.sourceField());
        mapping.properties().forEach((field, standard) -> {
            if (standard.equals(predicate)) fieldNames.add(field);
        });
        List<Field> fields = note.fields().stream().filter(f -> fieldNames.contains(f.canonicalKey())).toList();
        // For "too many", the second occurrence is the one to look at.
        int index = entry.message().contains("not several") && fields.size() > 1 ? 1 : 0;
        return fields.isEmpty() ? 0 : fields.get(index).line();
    }

    private static String describe(Node value, VaultLoader.LoadedVault loaded) {
        if (!value.isURI()) return value.isLiteral() ? "\"" + value.getLiteralLexicalForm() + "\"" : value.toString();
        DatasetGraph dataset = loaded.store().dataset();
        String label = Txn.calculateRead(dataset, () -> {
            var labels = dataset.getUnionGraph().find(value, RDFS.label.asNode(), Node.ANY);
            return labels.hasNext() ? labels.next().getObject().getLiteralLexicalForm() : null;
        });
        if (value.getURI().startsWith(loaded.mapper().iris().base() + "unresolved/")) return "'" + label + "', which names no note";
        return label != null ? "'" + label + "'" : "<" + value.getURI() + ">";
    }

    private String fix(Node shape) {
        if (shape == null) return "";
        var comments = shapesGraph.find(shape, RDFS.comment.asNode(), Node.ANY);
        return comments.hasNext() ? comments.next().getObject().getLiteralLexicalForm() : "";
    }

    private static Finding.Severity severity(Severity severity) {
        if (severity.level().equals(org.apache.jena.shacl.vocabulary.SHACL.Violation)) return Finding.Severity.ERROR;
        if (severity.level().equals(org.apache.jena.shacl.vocabulary.SHACL.Warning)) return Finding.Severity.WARNING;
        return Finding.Severity.INFO;
    }
}
