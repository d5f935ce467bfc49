package org.vaultgraph.render;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vaultgraph.dql.graph.GraphLinks;

/**
 * Addresses on a published garden: a published note at its permalink, an attachment at its copy
 * under {@code /img/user/} (where the plugin uploads images), a note that is not published nowhere.
 * Remembers the attachments it gave an address to, so that exactly those are copied.
 *
 * <pre>{@code
 * SiteAddresses addresses = new SiteAddresses(garden, files);
 * addresses.href("Research/Tags/L4-L5.md", "#Anatomy"); // Optional["/research/tags/l4-l5/#anatomy"]
 * addresses.attachments();                              // vault paths of the files linked so far
 * }</pre>
 */
public final class SiteAddresses implements LinkAddresses {
    private final GardenNotes garden;
    private final GraphLinks files;
    private final Set<String> attachments = ConcurrentHashMap.newKeySet();

    public SiteAddresses(GardenNotes garden, GraphLinks files) {
        this.garden = garden;
        this.files = files;
    }

    @Override
    public Optional<String> href(String vaultPath, String subpath) {
        if (files.isAttachment(vaultPath)) {
            attachments.add(vaultPath);
            return Optional.of(LinkAddresses.encodeUri(GardenMarkdown.ATTACHMENTS + vaultPath));
        }
        return garden.permalink(vaultPath).map(p -> LinkAddresses.encodeUri(p) + LinkAddresses.fragment(subpath));
    }

    /** The attachments linked so far, by vault path. */
    public Set<String> attachments() {
        return Set.copyOf(attachments);
    }

    /** Where an attachment's copy lives on the site, as a path under the site's root. */
    public static String attachmentFile(String vaultPath) {
        return GardenMarkdown.ATTACHMENTS.substring(1) + vaultPath;
    }
}
