package org.vaultgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.cli.Main;
import picocli.CommandLine;

/**
 * The README's Java example, compiled and run exactly as written: it prints the vault's note count,
 * the insights of a tag table and a Dataview list, each the same as the commands give.
 */
class ReadmeExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("## Java API\\n.*?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

    @Test
    void theReadmeExampleCompilesRunsAndPrintsWhatTheCommandsSay(@TempDir Path tmp) throws Exception {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(Path.of("README.md")));
        assertTrue(block.find(), "the README has a java block under '## Java API'");
        String source = block.group(1);
        Matcher name = CLASS.matcher(source);
        assertTrue(name.find(), source);
        Path file = tmp.resolve(name.group(1) + ".java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-d", tmp.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        List<String> printed = run(tmp, name.group(1));
        assertEquals(notesOf(Path.of("data/vault")) + " notes", printed.get(0));
        List<String> insights = tagTable("L4-L5");
        assertTrue(insights.size() > 0, "the tag table has rows");
        assertEquals(insights, printed.subList(1, 1 + insights.size()));
        assertEquals(command("dql", "data/vault", "LIST FROM #insight SORT file.name LIMIT 3").lines().toList(),
                printed.subList(1 + insights.size(), printed.size()));
    }

    /** Runs the compiled example in a JVM of its own, from the project folder, as a reader would. */
    private static List<String> run(Path classes, String mainClass) throws IOException, InterruptedException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = classes.resolve("out.txt");
        Path err = classes.resolve("err.txt");
        Process process = new ProcessBuilder(javaCommand, "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                mainClass).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the example finished");
        assertEquals(0, process.exitValue(), Files.readString(err));
        return Files.readAllLines(out);
    }

    /** The vault's notes, counted on disk: markdown files outside dot-folders. */
    private static long notesOf(Path vault) throws IOException {
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> Stream.iterate(vault.relativize(f), p -> p != null, Path::getParent)
                            .noneMatch(p -> p.getFileName().toString().startsWith(".")))
                    .count();
        }
    }

    /** "name: path" of each row of the tag table, from the query command's tab-separated answer. */
    private static List<String> tagTable(String tag) {
        List<String> lines = command("query", "data/vault", "queries/tag-table.rq", "--param", "tag=" + tag, "--format", "tsv").lines().toList();
        List<String> header = List.of(lines.get(0).split("\t"));
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            rows.add(literal(cells[header.indexOf("?name")]) + ": " + literal(cells[header.indexOf("?path")]));
        }
        return rows;
    }

    private static String literal(String term) {
        return term.substring(1, term.lastIndexOf('"'));
    }

    private static String command(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> quiet = new ArrayList<>(List.of(args));
        quiet.add("--quiet");
        assertEquals(0, cli.execute(quiet.toArray(String[]::new)));
        return out.toString();
    }
}
