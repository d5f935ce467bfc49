package org.vaultgraph.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a file of the vault by its vault path, and only such a file: a path that climbs out of the
 * root, names a folder, or passes through a symbolic link anywhere on the way gives nothing, as the
 * reader never follows links either.
 *
 * <pre>{@code
 * Optional<Path> file = VaultFiles.regularFile(root, "Research/Figures/lumbar-levels.svg");
 * VaultFiles.mediaType("lumbar-levels.svg"); // "image/svg+xml"
 * }</pre>
 */
public final class VaultFiles {
    private VaultFiles() {}

    /** Media types of the attachments Obsidian opens, by extension; anything else is sent as bytes. */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("bmp", "image/bmp"), Map.entry("avif", "image/avif"), Map.entry("pdf", "application/pdf"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"), Map.entry("webm", "video/webm"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("canvas", "application/json"), Map.entry("base", "text/plain; charset=utf-8"));

    /**
     * The regular file at {@code vaultPath} under {@code root}, or empty when there is none, when the
     * path leaves the root, or when the file or any folder on its way is a symbolic link.
     */
    public static Optional<Path> regularFile(Path root, String vaultPath) {
        if (vaultPath == null || vaultPath.isEmpty() || vaultPath.indexOf('\0') >= 0 || vaultPath.contains("\\")) return Optional.empty();
        Path current = root.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(current) && !Files.isDirectory(current)) return Optional.empty();
        for (String segment : vaultPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return Optional.empty();
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) return Optional.empty();
        }
        return Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS) ? Optional.of(current) : Optional.empty();
    }

    /** The bytes of the file at {@code vaultPath}, read under the rules of {@link #regularFile}. */
    public static Optional<byte[]> read(Path root, String vaultPath) throws IOException {
        Optional<Path> file = regularFile(root, vaultPath);
        return file.isPresent() ? Optional.of(Files.readAllBytes(file.get())) : Optional.empty();
    }

    /** The media type of a file by its extension; {@code application/octet-stream} when it is not known. */
    public static String mediaType(String vaultPath) {
        int dot = vaultPath.lastIndexOf('.');
        if (dot < 0 || dot < vaultPath.lastIndexOf('/')) return "application/octet-stream";
        return MEDIA_TYPES.getOrDefault(vaultPath.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
