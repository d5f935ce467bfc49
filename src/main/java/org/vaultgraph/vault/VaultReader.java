package org.vaultgraph.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Reads a vault folder: every {@code .md} file becomes a {@link Note}, every other file an {@link Attachment}.
 *
 * <pre>{@code
 * Vault vault = VaultReader.builder().build().read(Path.of("data/vault"));
 * }</pre>
 *
 * Folders and files whose name starts with '.' ({@code .obsidian}, {@code .trash}, {@code .git}) are
 * skipped, as Obsidian does. Symbolic links are not followed, so nothing outside the vault is read.
 * A note that cannot be read whole is reported as a {@link Problem} and the rest of the vault loads.
 * Notes are parsed in parallel; a reader is immutable and may be shared.
 */
public final class VaultReader {
    private final NoteParser parser;
    private final int maxProblems;
    private final long maxNoteBytes;
    private final IntConsumer progress;

    private VaultReader(Builder builder) {
        this.parser = builder.parser;
        this.maxProblems = builder.maxProblems;
        this.maxNoteBytes = builder.maxNoteBytes;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Vault read(Path root) {
        VaultFiles files = list(root);
        ProblemList problems = new ProblemList(maxProblems);
        problems.addAll(files.problems());
        List<Note> notes = new ArrayList<>(files.notePaths().size());
        List<Attachment> attachments = new ArrayList<>(files.attachments());
        forEachNote(files, Integer.MAX_VALUE, read -> {
            if (read.note() != null) notes.add(read.note());
            read.attachment().ifPresent(attachments::add);
            problems.addAll(read.problems());
        });
        attachments.sort(Comparator.comparing(Attachment::path));
        return new Vault(files.root(), List.copyOf(notes), List.copyOf(attachments), problems.list(), problems.dropped());
    }

    /**
     * The files of a vault, without reading any note: what {@link #forEachNote} then reads.
     *
     * @param root       the vault folder, absolute and normalised
     * @param notePaths  vault paths of the markdown files, sorted
     * @param noteStamps size and times of each markdown file as listed, by path
     * @param attachments the other files, sorted by path
     * @param problems   files that could not be listed, symbolic links not followed
     */
    public record VaultFiles(Path root, List<String> notePaths, Map<String, FileStamp> noteStamps,
                             List<Attachment> attachments, List<Problem> problems) {}

    /** One note as read: the note (null when it could not be read as a note), what went wrong, and the file it turned out to be instead. */
    public record ReadNote(String path, Note note, List<Problem> problems, java.util.Optional<Attachment> attachment) {}

    public VaultFiles list(Path root) {
        Path dir = checkRoot(root);
        ProblemList problems = new ProblemList(maxProblems);
        Map<String, FileStamp> markdown = new HashMap<>();
        List<Attachment> attachments = new ArrayList<>();
        walk(dir, markdown, attachments, problems);
        List<String> paths = new ArrayList<>(markdown.keySet());
        paths.sort(null);
        attachments.sort(Comparator.comparing(Attachment::path));
        return new VaultFiles(dir, List.copyOf(paths), Map.copyOf(markdown), List.copyOf(attachments), problems.list());
    }

    /**
     * Lists only some paths of the vault (files, or folders and all they hold), as a watcher names
     * them: what exists of them now. Paths outside the vault or in dot-folders are left out.
     *
     * @param relativePaths vault paths, '/'-separated
     */
    public VaultFiles listSome(Path root, java.util.Collection<String> relativePaths) {
        Path dir = checkRoot(root);
        ProblemList problems = new ProblemList(maxProblems);
        Map<String, FileStamp> markdown = new HashMap<>();
        List<Attachment> attachments = new ArrayList<>();
        for (String relative : new java.util.TreeSet<>(relativePaths)) {
            if (relative.isEmpty() || java.util.Arrays.stream(relative.split("/")).anyMatch(part -> part.startsWith(".") || part.isEmpty())) continue;
            Path path = dir.resolve(relative).normalize();
            if (!path.startsWith(dir)) continue;
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) walk(dir, path, markdown, attachments, problems);
                else if (attrs.isSymbolicLink()) problems.add(Problem.minor(relative, 0, 0, "symbolic link not followed; only files inside the vault are read"));
                else if (attrs.isRegularFile() && isMarkdown(path)) markdown.put(relative, stamp(attrs));
                else if (attrs.isRegularFile()) attachments.add(attachment(path, relative, attrs, problems));
            } catch (NoSuchFileException gone) {
                // Deleted: the caller sees it missing.
            } catch (IOException e) {
                problems.add(Problem.inFile(relative, "cannot be read: " + describe(e)));
            }
        }
        List<String> paths = new ArrayList<>(markdown.keySet());
        paths.sort(null);
        attachments.sort(Comparator.comparing(Attachment::path));
        return new VaultFiles(dir, List.copyOf(paths), Map.copyOf(markdown), List.copyOf(attachments), problems.list());
    }

    /** The vault folder, absolute and normalised; a clear error when it is missing or not a folder. */
    public static Path checkRoot(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.exists(dir)) throw new VaultException("vault folder not found: " + root);
        if (!Files.isDirectory(dir)) throw new VaultException("not a folder: " + root + " (a vault is a folder of notes)");
        return dir;
    }

    /**
     * Reads the listed notes in path order and hands each to {@code consumer}, parsing up to
     * {@code batch} notes at a time in parallel: memory holds one batch, not the vault.
     */
    public void forEachNote(VaultFiles files, int batch, Consumer<ReadNote> consumer) {
        List<String> paths = files.notePaths();
        AtomicInteger done = new AtomicInteger();
        for (int start = 0; start < paths.size(); start += batch) {
            List<String> chunk = paths.subList(start, (int) Math.min(paths.size(), (long) start + batch));
            List<ReadNote> read = chunk.parallelStream().map(path -> {
                ReadNote note = readNote(files.root(), path);
                int count = done.incrementAndGet();
                if (count % 1000 == 0) progress.accept(count);
                return note;
            }).toList();
            read.forEach(consumer);
        }
    }

    private static void walk(Path dir, Map<String, FileStamp> markdown, List<Attachment> attachments, ProblemList problems) {
        walk(dir, dir, markdown, attachments, problems);
    }

    /** Walks {@code start}, a folder of the vault at {@code dir}, naming files by their path from {@code dir}. */
    private static void walk(Path dir, Path start, Map<String, FileStamp> markdown, List<Attachment> attachments, ProblemList problems) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(start) || !isHidden(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file)) return FileVisitResult.CONTINUE;
                    if (attrs.isSymbolicLink()) {
                        problems.add(Problem.minor(relative(dir, file), 0, 0, "symbolic link not followed; only files inside the vault are read"));
                    } else if (attrs.isRegularFile() && isMarkdown(file)) {
                        markdown.put(relative(dir, file), stamp(attrs));
                    } else if (attrs.isRegularFile()) {
                        attachments.add(attachment(file, relative(dir, file), attrs, problems));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Problem.inFile(relative(dir, file), "cannot be read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new VaultException("cannot read vault folder " + dir + ": " + describe(e), e);
        }
    }

    /** The largest base file read; Obsidian's bases are a few kilobytes. */
    private static final long MAX_BASE_BYTES = 1024 * 1024;

    /** A file that is not a note; a base's text is read with it, since the graph keeps it. */
    private static Attachment attachment(Path file, String relative, BasicFileAttributes attrs, ProblemList problems) {
        if (!Attachment.isBase(relative)) return new Attachment(relative, stamp(attrs));
        if (attrs.size() > MAX_BASE_BYTES) {
            problems.add(Problem.inFile(relative, "base is " + attrs.size() + " bytes, over the limit of " + MAX_BASE_BYTES
                    + "; kept as a file but not read as a base"));
            return new Attachment(relative, stamp(attrs));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<Problem> found = new ArrayList<>();
            String text = decode(relative, bytes, found);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            problems.addAll(found);
            return new Attachment(relative, stamp(attrs), text.replace("\r\n", "\n"));
        } catch (IOException e) {
            problems.add(Problem.inFile(relative, "cannot be read: " + describe(e)));
            return new Attachment(relative, stamp(attrs));
        }
    }

    /** Reads and parses one note of the vault. */
    public ReadNote readNote(Path root, String path) {
        Path file = root.resolve(path);
        List<Problem> problems = new ArrayList<>();
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.size() > maxNoteBytes) {
                problems.add(Problem.inFile(path, "note is " + attrs.size() + " bytes, over the limit of " + maxNoteBytes
                        + "; kept as a file but not read"));
                return new ReadNote(path, null, problems, Optional.of(new Attachment(path, stamp(attrs))));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (looksBinary(bytes)) {
                problems.add(Problem.inFile(path, "holds binary data, not text; kept as a file but not read as a note"));
                return new ReadNote(path, null, problems, Optional.of(new Attachment(path, stamp(attrs))));
            }
            FileStamp stamp = new FileStamp(bytes.length, attrs.lastModifiedTime().toInstant(), attrs.creationTime().toInstant(), sha256(bytes));
            String text = decode(path, bytes, problems);
            bytes = null; // a large note's parse wants the room
            NoteParser.Result result = parser.parse(path, text, stamp);
            problems.addAll(result.problems());
            return new ReadNote(path, result.note(), problems, Optional.empty());
        } catch (NoSuchFileException e) {
            problems.add(Problem.inFile(path, "was deleted while the vault was being read"));
        } catch (IOException e) {
            problems.add(Problem.inFile(path, "cannot be read: " + describe(e)));
        }
        return new ReadNote(path, null, problems, Optional.empty());
    }

    /** UTF-8, strictly; on a bad byte the problem names its line and the text is read with U+FFFD in its place. */
    private static String decode(String path, byte[] bytes, List<Problem> problems) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            CharBuffer chars;
            try {
                chars = lenient.decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException(impossible);
            }
            String text = chars.toString();
            int bad = text.indexOf('\uFFFD');
            for (int i = 0; i < bad; i++) if (text.charAt(i) == '\n') line++;
            problems.add(Problem.at(path, line, 0, "is not valid UTF-8; unreadable bytes are shown as \uFFFD"));
            return text;
        }
    }

    /** The SHA-256 of a file's bytes, in lower-case hex: what sync compares to tell an edit from a touch. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) if (bytes[i] == 0) return true;
        return false;
    }

    private static FileStamp stamp(BasicFileAttributes attrs) {
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().toInstant(), attrs.creationTime().toInstant());
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isMarkdown(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    /** Configures a {@link VaultReader}. */
    public static final class Builder {
        private NoteParser parser = NoteParser.builder().build();
        private int maxProblems = 10_000;
        private long maxNoteBytes = 256L * 1024 * 1024;
        private IntConsumer progress = n -> { };

        public Builder parser(NoteParser parser) {
            this.parser = Objects.requireNonNull(parser);
            return this;
        }

        /** How many problems are kept; more are counted only. */
        public Builder maxProblems(int maxProblems) {
            this.maxProblems = maxProblems;
            return this;
        }

        /** Notes larger than this are kept as files but not read. */
        public Builder maxNoteBytes(long maxNoteBytes) {
            this.maxNoteBytes = maxNoteBytes;
            return this;
        }

        /** Called with the number of notes read so far, every thousand notes. */
        public Builder progress(IntConsumer progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public VaultReader build() {
            return new VaultReader(this);
        }
    }
}
