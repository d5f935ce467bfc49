package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Answers a Graph Store read of the whole dataset ({@code GET /vault/get} without {@code graph} or
 * {@code default}) with the same quads in every format: each note's named graph, and the default
 * graph only with what is stored in it. Why: the served default graph is the union of the notes'
 * graphs, which Fuseki's TriG and JSON-LD writers would write again next to them, doubling every
 * triple. Reads of one graph go on to Fuseki.
 */
final class DatasetReadFilter implements Filter {
    private static final List<String> READ_PATHS = List.of(VaultServer.DATASET + "/get", VaultServer.DATASET + "/data");
    private static final List<String> OFFERED = List.of(RdfResponse.NQUADS, RdfResponse.TRIG, RdfResponse.JSONLD);
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            RdfResponse.NQUADS, RDFFormat.NQUADS,
            RdfResponse.TRIG, RDFFormat.TRIG_BLOCKS,
            RdfResponse.JSONLD, RDFFormat.JSONLD11_PLAIN);

    private final DatasetGraph dataset;

    DatasetReadFilter(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        boolean wholeDataset = request.getParameter("graph") == null && request.getParameter("default") == null;
        if (!read || !wholeDataset || !READ_PATHS.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Vary", "Accept");
        String mediaType = MediaRanges.parse(String.join(",", java.util.Collections.list(request.getHeaders("Accept")))).choose(OFFERED);
        if (mediaType == null) {
            RdfResponse.sendText(response, 406, "Not acceptable: the whole dataset is available as " + String.join(", ", OFFERED) + "\n");
            return;
        }
        response.setStatus(200);
        response.setContentType(mediaType + (mediaType.equals(RdfResponse.NQUADS) ? "" : "; charset=utf-8"));
        if (request.getMethod().equals("HEAD")) return;
        ServletOutputStream out = response.getOutputStream();
        RDFFormat format = FORMATS.get(mediaType);
        Txn.executeRead(dataset, () -> RDFWriter.source(storedQuads()).format(format).output(out));
        out.flush();
    }

    /** A view of the stored quads, copying nothing: the notes' graphs, and the default graph's own triples. */
    private DatasetGraph storedQuads() {
        Graph defaultGraph = dataset.getDefaultGraph();
        // In memory the default graph is the union itself, with no triples of its own; TDB2 stores one.
        boolean unionView = defaultGraph == dataset.getUnionGraph();
        DatasetGraph view = new DatasetGraphMapLink(unionView ? GraphFactory.createDefaultGraph() : defaultGraph);
        for (Iterator<Node> names = dataset.listGraphNodes(); names.hasNext(); ) {
            Node name = names.next();
            view.addGraph(name, dataset.getGraph(name));
        }
        view.prefixes().putAll(dataset.prefixes());
        return view;
    }
}
