package org.vaultgraph.dql.value;

/**
 * The Dataview settings that change what a query gives or shows, with Dataview's defaults.
 *
 * @param renderNullAs          the text of a null value in text ("\-", a markdown-escaped dash)
 * @param defaultDateFormat     Luxon format of dates without a time of day
 * @param defaultDateTimeFormat Luxon format of dates with one
 * @param tableIdColumnName     the heading of a table's id column
 * @param showResultCount       whether tables and lists show how many results they hold
 */
public record QuerySettings(String renderNullAs, String defaultDateFormat, String defaultDateTimeFormat, String tableIdColumnName,
                            boolean showResultCount) {

    public static final QuerySettings DEFAULTS = new QuerySettings("\\-", "MMMM dd, yyyy", "h:mm a - MMMM dd, yyyy", "File", true);
}
