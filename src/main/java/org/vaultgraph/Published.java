package org.vaultgraph;

import java.util.List;
import org.vaultgraph.render.GardenNotes;
import org.vaultgraph.render.SiteCheck;

/**
 * What publishing wrote.
 *
 * @param pages       the pages published
 * @param attachments the images and files copied with them
 * @param written     how many files were written (the others were already as they should be)
 * @param unchanged   how many files were already as they should be
 * @param deleted     how many files of an earlier publish into the folder were deleted: pages of notes no longer published, files no page shows
 * @param skipped     the notes left out, each with the reason
 * @param warnings    what pages leave as written (JavaScript queries, notes kept private...), each with its note
 * @param errors      the queries that could not be rendered, each with its note and line
 * @param missing     files the pages show that are not in the vault (or are symbolic links): not copied
 * @param linkCheck   the check of every link of the site, when asked for; else null
 */
public record Published(int pages, int attachments, int written, int unchanged, int deleted, List<GardenNotes.Skipped> skipped,
                        List<String> warnings, List<String> errors, List<String> missing, SiteCheck.Report linkCheck) {}
