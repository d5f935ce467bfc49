package org.vaultgraph.bench;

import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The floor a vault's conversion is measured against, run as a whole process of its own: list the
 * vault's notes, read each file and parse it with flexmark, on one thread, and nothing else.
 *
 * <pre>{@code java -cp vaultgraph.jar org.vaultgraph.bench.Floor VAULT   // prints "notes=N bytes=B"}</pre>
 */
public final class Floor {
    private Floor() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Floor VAULT");
            System.exit(2);
        }
        long[] totals = run(Path.of(args[0]));
        System.out.println("notes=" + totals[0] + " bytes=" + totals[1]);
    }

    /** Reads and parses every note of the vault; returns the number of notes and their bytes. */
    static long[] run(Path vault) throws IOException {
        Parser flexmark = Parser.builder().build();
        long notes = 0;
        long bytes = 0;
        for (Path file : notes(vault)) {
            byte[] content = Files.readAllBytes(file);
            flexmark.parse(new String(content, StandardCharsets.UTF_8));
            notes++;
            bytes += content.length;
        }
        return new long[] {notes, bytes};
    }

    /** The vault's markdown files, dot-folders and dot-files left out as vaultgraph leaves them out. */
    private static List<Path> notes(Path vault) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(vault, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(vault) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
