package org.vaultgraph.rdf;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.bases.syntax.BaseReader;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.syntax.BaseSyntaxException;
import org.vaultgraph.vault.Problem;

/**
 * Writes an Obsidian base (a {@code .base} file or a {@code ```base} block) as a {@code vg:Base}: its
 * text as written, and, when it reads, its filters (a tree of {@code vg:BaseFilter}s), formulas and
 * views as data. A base that does not read keeps its text, and the problem is reported with its line.
 */
final class BaseMapper {
    private BaseMapper() {}

    /**
     * @param base      the base's IRI
     * @param prefix    what the IRIs of its parts start with ({@code <base>#} for a file, {@code <base>/} for a block)
     * @param path      the vault path of the file it is written in, for problems
     * @param firstLine the line of that file the base's text starts on
     */
    static void map(Node base, String prefix, String text, String path, int firstLine, QuadEmitter out, List<Problem> problems) {
        out.add(base, RDF.type.asNode(), VG.Base);
        out.add(base, VG.baseText, VaultMapper.string(text));
        BaseSpec spec;
        try {
            spec = BaseReader.read(text);
        } catch (BaseSyntaxException e) {
            int line = e.line() > 0 ? firstLine + e.line() - 1 : firstLine;
            problems.add(Problem.at(path, line, e.column(), "base: " + e.getMessage()));
            return;
        }
        if (spec.filters() != null) out.add(base, VG.filter, filter(spec.filters(), prefix + "filter", firstLine, out));
        for (BaseSpec.Formula f : spec.formulas().values()) {
            Node formula = NodeFactory.createURI(prefix + "formula/" + IriMinter.encodePath(f.name()));
            out.add(base, VG.formula, formula);
            out.add(formula, RDF.type.asNode(), VG.Formula);
            out.add(formula, RDFS.label.asNode(), VaultMapper.string(f.name()));
            out.add(formula, VG.expression, VaultMapper.string(f.text()));
            out.add(formula, VG.line, FieldWriter.integer(firstLine + f.line() - 1));
        }
        int index = 0;
        for (BaseSpec.View v : spec.views()) {
            String viewPrefix = prefix + "view-" + (++index);
            Node view = NodeFactory.createURI(viewPrefix);
            out.add(base, VG.view, view);
            out.add(view, RDF.type.asNode(), VG.BaseView);
            out.add(view, RDFS.label.asNode(), VaultMapper.string(v.name()));
            out.add(view, VG.viewType, VaultMapper.string(v.type()));
            out.add(view, VG.position, FieldWriter.integer(index));
            out.add(view, VG.line, FieldWriter.integer(firstLine + v.line() - 1));
            if (v.filters() != null) out.add(view, VG.filter, filter(v.filters(), viewPrefix + "/filter", firstLine, out));
            if (!v.order().isEmpty()) out.add(view, VG.order, seq(viewPrefix + "/order", v.order(), out));
            if (!v.sort().isEmpty()) {
                out.add(view, VG.sort, seq(viewPrefix + "/sort", v.sort().stream()
                        .map(k -> k.property() + (k.descending() ? " DESC" : " ASC")).toList(), out));
            }
            if (v.groupBy() != null) {
                out.add(view, VG.groupBy, VaultMapper.string(v.groupBy().property() + (v.groupBy().descending() ? " DESC" : " ASC")));
            }
            if (v.limit() != null) out.add(view, VG.limit, FieldWriter.integer(v.limit()));
        }
    }

    /** A filter group as an rdf:Seq of its items with its conjunction; a statement with its expression. */
    private static Node filter(BaseSpec.Filter filter, String iri, int firstLine, QuadEmitter out) {
        Node node = NodeFactory.createURI(iri);
        out.add(node, RDF.type.asNode(), VG.BaseFilter);
        out.add(node, VG.line, FieldWriter.integer(firstLine + filter.line() - 1));
        if (filter instanceof BaseSpec.Statement s) {
            out.add(node, VG.expression, VaultMapper.string(s.text()));
            return node;
        }
        BaseSpec.Group group = (BaseSpec.Group) filter;
        out.add(node, RDF.type.asNode(), VG.Seq);
        out.add(node, VG.conjunction, VaultMapper.string(group.conjunction().name().toLowerCase(java.util.Locale.ROOT)));
        for (int i = 0; i < group.items().size(); i++) {
            out.add(node, VG.member(i + 1), filter(group.items().get(i), iri + "/" + (i + 1), firstLine, out));
        }
        return node;
    }

    private static Node seq(String iri, List<String> items, QuadEmitter out) {
        Node node = NodeFactory.createURI(iri);
        out.add(node, RDF.type.asNode(), VG.Seq);
        for (int i = 0; i < items.size(); i++) out.add(node, VG.member(i + 1), VaultMapper.string(items.get(i)));
        return node;
    }

}
