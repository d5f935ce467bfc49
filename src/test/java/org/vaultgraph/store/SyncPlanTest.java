package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.FileStamp;
import org.vaultgraph.vault.VaultReader;

/**
 * The plan alone, from an index and what changed, with no file and no store: which notes are
 * written, removed, and which unchanged notes are re-mapped because their links mean something else.
 */
class SyncPlanTest {
    private static final String INSIGHT = VG.Insight.getURI();
    private static final String THERAPY = VG.Therapy.getURI();
    private static final String OUTCOME = VG.Outcome.getURI();
    private static final String CONCEPT = VG.Concept.getURI();

    /** An insight linking to a therapy, a note linking to a note not written yet, and a note linking to an image in another folder. */
    private static SyncIndex vault() {
        SyncIndex index = new SyncIndex();
        index.put(note("Insights/a.md", Set.of(INSIGHT), "Cell Therapy"));
        index.put(note("Tags/Cell Therapy.md", Set.of(THERAPY, CONCEPT)));
        index.put(note("Notes/c.md", Set.of(), "Missing"));
        index.put(note("Notes/e.md", Set.of(), "pic.png"));
        index.put(new SyncIndex.Entry("Images/pic.png", false, 10, 1, "", Set.of(), List.of()));
        return index;
    }

    @Test
    void aNoteNamedByAnUnresolvedLinkRelinksOnlyItsLinkers() {
        SyncIndex index = vault();
        SyncPlan plan = plan(index, Set.of("Elsewhere/Missing.md"), Set.of(), Set.of(), note("Elsewhere/Missing.md", Set.of()));
        assertEquals(Set.of("Notes/c.md"), plan.relinked());
        assertEquals(Set.of("Elsewhere/Missing.md", "Notes/c.md"), plan.notesToMap());
        assertEquals(1, plan.added());
        assertTrue(plan.resolver() != null, "the paths change, so the plan brings the resolver for them");
    }

    @Test
    void aConceptThatChangesClassRelinksTheInsightsAboutIt() {
        SyncIndex index = vault();
        SyncPlan plan = plan(index, Set.of(), Set.of("Tags/Cell Therapy.md"), Set.of(), note("Tags/Cell Therapy.md", Set.of(OUTCOME, CONCEPT)));
        assertEquals(Set.of("Insights/a.md"), plan.relinked(), "the insight's vg:therapy becomes vg:outcome");
        assertEquals(null, plan.resolver(), "no path came or went");
    }

    @Test
    void anEditThatKeepsTheClassesRelinksNothing() {
        SyncIndex index = vault();
        SyncPlan plan = plan(index, Set.of(), Set.of("Tags/Cell Therapy.md"), Set.of(), note("Tags/Cell Therapy.md", Set.of(THERAPY, CONCEPT)));
        assertEquals(Set.of(), plan.relinked());
        assertEquals(Set.of("Tags/Cell Therapy.md"), plan.notesToMap());
    }

    @Test
    void aDeletedNoteRelinksItsLinkersAndIsRemoved() {
        SyncIndex index = vault();
        SyncPlan plan = plan(index, Set.of(), Set.of(), Set.of("Tags/Cell Therapy.md"));
        assertEquals(Set.of("Tags/Cell Therapy.md"), plan.removed());
        assertEquals(Set.of("Insights/a.md"), plan.relinked());
    }

    @Test
    void aFileOfTheSameNameNextToTheLinkerTakesTheLink() {
        SyncIndex index = vault();
        // Another file of the same name, closer to the linking note, wins the link.
        SyncPlan plan = plan(index, Set.of("Notes/pic.png"), Set.of(), Set.of(),
                new SyncIndex.Entry("Notes/pic.png", false, 5, 2, "", Set.of(), List.of()));
        assertEquals(Set.of("Notes/e.md"), plan.relinked());
    }

    @Test
    void aNoteNotLinkedByAnyoneRelinksNothing() {
        SyncIndex index = vault();
        SyncPlan plan = plan(index, Set.of("New.md"), Set.of(), Set.of(), note("New.md", Set.of(THERAPY, CONCEPT)));
        assertEquals(Set.of(), plan.relinked());
    }

    @Test
    void theListingAloneTellsWhatToRead() {
        SyncIndex index = vault();
        FileStamp same = new FileStamp(10, Instant.ofEpochMilli(1), Instant.ofEpochMilli(1));
        FileStamp newer = new FileStamp(10, Instant.ofEpochMilli(2), Instant.ofEpochMilli(1));
        VaultReader.VaultFiles files = new VaultReader.VaultFiles(Path.of("/vault"),
                List.of("Insights/a.md", "Notes/c.md", "Notes/e.md", "Tags/Cell Therapy.md", "Tags/New.md"),
                Map.of("Insights/a.md", same, "Notes/c.md", newer, "Notes/e.md", same, "Tags/Cell Therapy.md", same, "Tags/New.md", same),
                List.of(), List.of());
        FileChanges changes = FileChanges.between(files, index, p -> true);
        assertEquals(List.of("Notes/c.md", "Tags/New.md"), changes.notesToRead());
        assertEquals(Set.of("Tags/New.md"), changes.added());
        assertEquals(Set.of("Notes/c.md"), changes.changed());
        assertEquals(Set.of("Images/pic.png"), changes.removed());
        assertEquals(3, changes.unchanged());
        // A listing of part of the vault finds removed only what it covers.
        assertEquals(Set.of(), FileChanges.between(files, index, p -> p.startsWith("Notes/")).removed());
    }

    private static SyncIndex.Entry note(String path, Set<String> classes, String... targets) {
        return new SyncIndex.Entry(path, true, 10, 1, "0".repeat(64), classes, List.of(targets).stream().sorted().toList());
    }

    private static SyncPlan plan(SyncIndex index, Set<String> added, Set<String> changed, Set<String> removed, SyncIndex.Entry... read) {
        Map<String, SyncIndex.Entry> entries = new java.util.HashMap<>();
        Map<String, org.vaultgraph.vault.Attachment> attachments = new java.util.HashMap<>();
        for (SyncIndex.Entry e : read) {
            if (e.note()) entries.put(e.path(), e);
            else attachments.put(e.path(), new org.vaultgraph.vault.Attachment(e.path(),
                    new FileStamp(e.size(), Instant.ofEpochMilli(e.modified()), Instant.ofEpochMilli(e.modified()))));
        }
        List<String> toRead = entries.keySet().stream().sorted().toList();
        FileChanges changes = new FileChanges(added, changed, toRead, attachments, removed, index.size() - changed.size() - removed.size());
        ChangedNotes notes = new ChangedNotes(entries, Map.of(), Map.of(), Set.of(), Set.of(), List.of());
        return SyncPlan.of(index, changes, notes);
    }
}
