package org.vaultgraph;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/** Parses RDF back with Jena's parser in checking mode, failing on any warning, as {@code riot --validate} reports them. */
public final class StrictParse {
    private StrictParse() {}

    public static DatasetGraph parse(byte[] bytes, Lang lang) {
        List<String> complaints = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                complaints.add("warning " + line + ":" + col + " " + message);
            }

            @Override
            public void error(String message, long line, long col) {
                complaints.add("error " + line + ":" + col + " " + message);
            }

            @Override
            public void fatal(String message, long line, long col) {
                complaints.add("fatal " + line + ":" + col + " " + message);
                throw new AssertionError(String.join("\n", complaints));
            }
        };
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).checking(true).errorHandler(collect).parse(dataset);
        if (!complaints.isEmpty()) throw new AssertionError(lang.getName() + " did not parse cleanly:\n" + String.join("\n", complaints));
        return dataset;
    }
}
