package org.vaultgraph.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that every link of a static site leads somewhere: each page's links, images and frames to
 * the site itself (absolute paths and relative ones) must name a file in it ({@code index.html} for a
 * folder). Links to other sites and to a place on the same page are not checked.
 *
 * <pre>{@code
 * SiteCheck.Report report = SiteCheck.check(Path.of("site"));
 * report.links(); report.broken(); // [Broken("research/index.html", "/research/missing/")]
 * }</pre>
 */
public final class SiteCheck {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private SiteCheck() {}

    /** A link that names nothing: the page it is on (relative to the site) and the link as written. */
    public record Broken(String page, String link) {}

    /** How many pages and links were checked, and the links that lead nowhere. */
    public record Report(int pages, int links, List<Broken> broken) {}

    public static Report check(Path site) {
        Path root = site.toAbsolutePath().normalize();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root)) {
            pages = files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int links = 0;
        List<Broken> broken = new ArrayList<>();
        for (Path page : pages) {
            Document document;
            try {
                document = Jsoup.parse(page.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Element element : document.select("a[href], img[src], iframe[src], source[src], link[href]")) {
                String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (link.isEmpty() || link.startsWith("#") || link.startsWith("//") || SCHEME.matcher(link).find()) continue;
                links++;
                if (!leadsSomewhere(root, page, link)) broken.add(new Broken(root.relativize(page).toString(), link));
            }
        }
        return new Report(pages.size(), links, broken);
    }

    private static boolean leadsSomewhere(Path root, Path page, String link) {
        String path = link;
        int cut = path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        cut = path.indexOf('?');
        if (cut >= 0) path = path.substring(0, cut);
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Path target = (decoded.startsWith("/") ? root.resolve(decoded.substring(1)) : page.getParent().resolve(decoded)).normalize();
        if (!target.startsWith(root)) return false;
        if (Files.isDirectory(target)) target = target.resolve("index.html");
        return Files.isRegularFile(target);
    }
}
