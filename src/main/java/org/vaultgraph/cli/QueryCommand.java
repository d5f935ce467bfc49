package org.vaultgraph.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.QueryException;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph query}: runs a SPARQL query file against a vault or a running server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query file against a vault, or against a running server with --endpoint.",
            "Parameters that the file declares ('# @param name ...') are given with --param name=value; values are "
                + "substituted into the parsed query, never pasted into its text."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "[VAULT] FILE",
            description = "The vault folder (default: the current folder) and the query file (.rq).")
    List<Path> paths;

    @Mixin
    VaultOptions options;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A value for a parameter of the query; write <...> for an IRI.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, csv, tsv, json or xml (default: ${DEFAULT-VALUE}); CONSTRUCT and DESCRIBE write Turtle.")
    String format;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Query this SPARQL endpoint instead of reading the vault, for example%n  http://127.0.0.1:3030/vault/sparql")
    String endpoint;

    @Override
    public Integer call() throws Exception {
        Path vault = paths.size() == 2 ? paths.get(0) : Path.of(".");
        Lang lang = resultLang(format);
        Map<String, String> values = values(params);
        QueryFile file = QueryFile.load(paths.get(paths.size() - 1));
        try {
            file.checkValues(values);
        } catch (QueryException e) {
            throw new UsageException(e.getMessage());
        }
        if (endpoint == null) VaultReader.checkRoot(vault);
        PrintWriter err = spec.commandLine().getErr();
        // Parsed before anything is loaded: a mistake in the query shows at once.
        String base = options.base != null ? options.base : options.loader(err).mappingFor(vault).base();
        Query query = file.bind(base, values);
        if (endpoint != null) return run(query, SparqlService.remote(endpoint), lang);
        try (OpenedGraph graph = storeOptions.open(vault, options, err, false)) {
            return run(query, SparqlService.local(graph.store().dataset()), lang);
        }
    }

    /** The --param values by name; each must be NAME=VALUE. */
    private static Map<String, String> values(List<String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : params) {
            int equals = param.indexOf('=');
            if (equals < 0) throw new UsageException("--param " + param + " has no value: write --param " + param + "=VALUE");
            if (equals == 0) throw new UsageException("--param " + param + " has no name: write --param NAME=VALUE");
            values.put(param.substring(0, equals), param.substring(equals + 1));
        }
        return values;
    }

    private int run(Query query, SparqlService service, Lang lang) {
        OutputStream out = new WriterOutputStream(spec.commandLine().getOut());
        if (query.isSelectType()) {
            RowSetRewindable rows = service.select(query);
            if (lang == ResultSetLang.RS_Text) RowSetOps.out(out, rows, query.getPrologue());
            else ResultSetMgr.write(out, ResultSet.adapt(rows), lang);
        } else if (query.isAskType()) {
            ResultSetMgr.write(out, service.ask(query), lang == ResultSetLang.RS_Text ? ResultSetLang.RS_JSON : lang);
        } else {
            RDFDataMgr.write(out, service.graph(query), RDFFormat.TURTLE_PRETTY);
        }
        try {
            out.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }

    private static Lang resultLang(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text": return ResultSetLang.RS_Text;
            case "csv": return ResultSetLang.RS_CSV;
            case "tsv": return ResultSetLang.RS_TSV;
            case "json": return ResultSetLang.RS_JSON;
            case "xml": return ResultSetLang.RS_XML;
            default: throw new UsageException("unknown format '" + format + "'; expected text, csv, tsv, json or xml");
        }
    }
}
