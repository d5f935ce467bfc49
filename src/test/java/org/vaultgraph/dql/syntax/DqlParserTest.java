package org.vaultgraph.dql.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries of Dataview's parser tests (src/test/parse/parse.query.test.ts), with what that file expects. */
class DqlParserTest {

    private static Dql.Variable var(String name) {
        return new Dql.Variable(name);
    }

    private static Dql.Literal num(int n) {
        return new Dql.Literal(org.vaultgraph.dql.value.Value.of((double) n));
    }

    private static Dql.Index index(String object, String key) {
        return new Dql.Index(var(object), new Dql.Literal(org.vaultgraph.dql.value.Value.of(key)));
    }

    @Test
    void linkSource() {
        Dql.Query q = DqlParser.parse("list from [[Stuff]]");
        assertEquals(new Dql.Header(Dql.QueryType.LIST, true, List.of()), q.header());
        assertEquals(new Dql.LinkSource("Stuff", true), q.source());
        assertEquals(List.of(), q.operations());
    }

    @Test
    void taskQueryWithNoFields() {
        Dql.Query q = DqlParser.parse("task from #games");
        assertEquals(Dql.QueryType.TASK, q.header().type());
        assertEquals(new Dql.TagSource("games"), q.source());
    }

    @Test
    void listWithFormatAndWithoutId() {
        assertEquals(new Dql.Header(Dql.QueryType.LIST, true, List.of(new Dql.NamedExpr("file.name", index("file", "name")))),
                DqlParser.parse("LIST file.name FROM #games").header());
        assertEquals(new Dql.Header(Dql.QueryType.LIST, false, List.of(new Dql.NamedExpr("file.name", index("file", "name")))),
                DqlParser.parse("LIST WITHOUT ID file.name FROM #games").header());
    }

    @Test
    void minimalTable() {
        Dql.Query q = DqlParser.parse("TABLE time-played, rating, length FROM #games");
        assertEquals(List.of(new Dql.NamedExpr("time-played", var("time-played")), new Dql.NamedExpr("rating", var("rating")),
                new Dql.NamedExpr("length", var("length"))), q.header().fields());
        assertTrue(q.header().showId());
    }

    private static final String FAT = "TABLE (time-played + 100) as long, rating as rate, length\n"
            + "FROM #games or #gaming\n"
            + "WHERE long > 150 and rate - 10 < 40\n"
            + "SORT length + 8 + 4 DESCENDING, long ASC";

    @Test
    void fatQuery() {
        Dql.Query q = DqlParser.parse(FAT);
        assertEquals(3, q.header().fields().size());
        assertEquals(new Dql.NamedExpr("long", new Dql.Binary("+", var("time-played"), num(100))), q.header().fields().get(0));
        assertEquals(new Dql.BinarySource(false, new Dql.TagSource("games"), new Dql.TagSource("gaming")), q.source());
        assertEquals(new Dql.Where(new Dql.Binary("&", new Dql.Binary(">", var("long"), num(150)),
                new Dql.Binary("<", new Dql.Binary("-", var("rate"), num(10)), num(40)))), q.operations().get(0));
        Dql.Sort sort = (Dql.Sort) q.operations().get(1);
        assertEquals(List.of(new Dql.SortKey(new Dql.Binary("+", new Dql.Binary("+", var("length"), num(8)), num(4)), false),
                new Dql.SortKey(var("long"), true)), sort.keys());
    }

    @Test
    void commentedQueryParsesAsTheFatOne() {
        String commented = "// This is a comment at the beginning\n"
                + "TABLE (time-played + 100) as long, rating as rate, length\n"
                + "// This is a comment\n// This is a second comment\n"
                + "FROM #games or #gaming  // This is an inline comment\n"
                + "// This is a third comment\n"
                + "WHERE long > 150 and rate - 10 < 40\n"
                + "// This is a fourth comment\n\n   // This is a comment with whitespace prior\n"
                + "SORT length + 8 + 4 DESCENDING, long ASC\n"
                + "// This is a comment at the end";
        assertEquals(DqlParser.parse(FAT), DqlParser.parse(commented));
    }

    @Test
    void withoutIdWithWeirdSpacing() {
        assertEquals(false, DqlParser.parse("TABLE WITHOUT ID name, value").header().showId());
        assertEquals(false, DqlParser.parse("TABLE    WITHOUT     ID   name, value").header().showId());
    }

    @Test
    void calendar() {
        Dql.Query q = DqlParser.parse("CALENDAR my-date FROM #games\nWHERE foo > 100");
        assertEquals(new Dql.Header(Dql.QueryType.CALENDAR, true, List.of(new Dql.NamedExpr("my-date", var("my-date")))), q.header());
        assertEquals(new Dql.TagSource("games"), q.source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TASK", "TASK ", "TASK\n", "TASK \n", "TASK\n ", "task", "task ", "task\n", "task \n", "task\n ",
        "LIST", "LIST ", "LIST\n", "list \n", "list\n ", "TABLE", "TABLE ", "TABLE\n", "table \n", "table\n "})
    void queryTypeAlone(String text) {
        assertEquals(text.strip().toUpperCase(), DqlParser.parse(text).header().type().name());
    }

    @Test
    void namedFieldsTakeTheirRawTextAsName() {
        Dql.Query q = DqlParser.parse("TABLE (time-played + 4) as something, 8 + 4");
        assertEquals("something", q.header().fields().get(0).name());
        assertEquals(new Dql.NamedExpr("8 + 4", new Dql.Binary("+", num(8), num(4))), q.header().fields().get(1));
    }

    @Test
    void unknownQueryTypeSaysWhatWasExpected() {
        DqlSyntaxException e = assertThrows(DqlSyntaxException.class, () -> DqlParser.parse("vehicle"));
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("query type ('TABLE', 'LIST', 'TASK', or 'CALENDAR')"), e.getMessage());
    }

    @Test
    void errorsNameTheLineAndColumnInTheQuery() {
        DqlSyntaxException e = assertThrows(DqlSyntaxException.class, () -> DqlParser.parse("TABLE x\nFROM #a\nWHERE (x >"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3, column "), e.getMessage());
    }

    @Test
    void aKeywordIsNoVariable() {
        assertThrows(DqlSyntaxException.class, () -> DqlParser.parseExpression("where"));
        assertEquals(var("sort"), DqlParser.parseExpression("sort"));
    }

    @Test
    void hyphensBelongToNames() {
        assertEquals(var("a-b"), DqlParser.parseExpression("a-b"));
        assertEquals(new Dql.Binary("-", var("a"), var("b")), DqlParser.parseExpression("a - b"));
    }

    @Test
    void andAndOrShareOneLevelFromTheLeft() {
        assertEquals(new Dql.BinarySource(true, new Dql.BinarySource(false, new Dql.TagSource("a"), new Dql.TagSource("b")),
                new Dql.TagSource("c")), DqlParser.parse("LIST FROM #a or #b and #c").source());
    }
}
