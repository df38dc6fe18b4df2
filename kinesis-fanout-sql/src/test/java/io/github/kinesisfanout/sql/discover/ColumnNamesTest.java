package io.github.kinesisfanout.sql.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Column names of discovery: the documented renames, uniqueness, and the length limit. */
class ColumnNamesTest {

    @Test
    void columnNamesFollowTheDocumentedRenames() {
        ColumnNames names = new ColumnNames();
        assertEquals("COL_USER", names.name("USER", 0));
        assertEquals("COL_USERDOMAIN", names.name("USER@DOMAIN", 1));
        assertEquals("COL_2", names.name("@@", 2));
        assertEquals("COL_1st", names.name("1st", 3));
        assertEquals("PRICE", names.name("PRICE", 4));
        assertEquals("PRICE_2", names.name("PRICE", 5));
        assertEquals("a".repeat(100), names.name("a".repeat(120), 6));
    }
}
