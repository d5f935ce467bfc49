package org.vaultgraph;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.vaultgraph.export.ExportFormat;
import org.vaultgraph.export.GraphExporter;
import org.vaultgraph.export.NetworkExporter;
import org.vaultgraph.export.StreamingExporter;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.VaultMapper;

/** How {@link VaultGraph#export} writes: straight from the files when it can, else from the graph. */
final class Exporting {
    private Exporting() {}

    static Exported write(VaultGraph graph, String format, Path graphQueries, OutputStream out) {
        ExportFormat chosen = ExportFormat.named(format);
        if (graph.inMemory() && StreamingExporter.streams(chosen)) {
            // Straight from the files to the output: memory stays flat however big the vault.
            StreamingExporter.Report report = new StreamingExporter(graph.loader().reader(graph.mapping()), new VaultMapper(graph.mapping()))
                    .write(graph.vault(), chosen, out);
            return new Exported(report.notes(), report.statements(), chosen.quads(), report.problems(), report.problemsDropped());
        }
        DatasetGraph dataset = graph.dataset();
        if (chosen.isRdf()) {
            new GraphExporter(graph.mapper().iris()).write(dataset, chosen, out);
        } else {
            NetworkExporter.Queries queries = new NetworkExporter.Queries(query(graphQueries, "graph-nodes.rq"),
                    query(graphQueries, "graph-edges.rq"), query(graphQueries, "graph-attributes.rq"));
            Txn.executeRead(dataset, () -> new NetworkExporter(SparqlService.local(dataset), queries, graph.base()).write(chosen, out));
        }
        VaultGraph.ReadReport read = graph.read();
        return new Exported(graph.notes(), -1, chosen.quads(), read.problems(), read.problemsNotKept());
    }

    /** A graph query of the folder given, else the built-in one. */
    private static QueryFile query(Path folder, String name) {
        if (folder != null && Files.isRegularFile(folder.resolve(name))) return QueryFile.load(folder.resolve(name));
        return QueryCatalog.named(name);
    }
}
