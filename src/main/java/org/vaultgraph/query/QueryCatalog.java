package org.vaultgraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example queries of {@code queries/}, as shipped in the jar, in their {@linkplain QueryFile#order() order}:
 * those that answer on any vault first, then those written for the sample vault.
 *
 * <pre>{@code QueryCatalog.bundled() // [top-tags.rq, most-linked-notes.rq, ..., tag-table.rq, ...]}</pre>
 */
public final class QueryCatalog {
    private static final String FOLDER = "org/vaultgraph/queries/";

    private QueryCatalog() {}

    public static List<QueryFile> bundled() {
        URL url = QueryCatalog.class.getClassLoader().getResource(FOLDER);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = openJar(uri)) {
                    return read(jar.getPath("/" + FOLDER));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One bundled query by file name. */
    public static QueryFile named(String name) {
        try (InputStream in = QueryCatalog.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new QueryException("no query named " + name);
            return QueryFile.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.newFileSystem(Path.of(URI.create(uri.toString().replaceFirst("^jar:", "").replaceFirst("!.*$", ""))));
        }
    }

    private static List<QueryFile> read(Path folder) throws IOException {
        List<QueryFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.filter(p -> p.toString().endsWith(".rq")).sorted(Comparator.comparing(Path::toString)).toList()) {
                files.add(QueryFile.of(p.getFileName().toString(), Files.readString(p)));
            }
        }
        files.sort(Comparator.comparingInt(QueryFile::order).thenComparing(QueryFile::name));
        return files;
    }
}
