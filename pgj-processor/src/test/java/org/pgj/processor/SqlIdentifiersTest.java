package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlIdentifiersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "add_one | add_one",
            "pg_temp | pg_temp",
            "a$b | a$b",
            "select | \"select\"",
            "user | \"user\"",
            "left | \"left\"",
            "integer | \"integer\"",
            "name | name",
            "CamelCase | \"CamelCase\"",
            "$user | \"$user\"",
            "1abc | \"1abc\"",
            "with space | \"with space\"",
            "quo\"te | \"quo\"\"te\"",
    })
    void quotesOnlyWhenNeeded(String name, String sql) {
        assertEquals(sql, SqlIdentifiers.quote(name));
    }

    @Test
    void qualifiesWithSchema() {
        assertEquals("f", SqlIdentifiers.qualified("", "f"));
        assertEquals("util.f", SqlIdentifiers.qualified("util", "f"));
        assertEquals("\"My\".\"order\"", SqlIdentifiers.qualified("My", "order"));
    }

    @Test
    void literalsDoubleSingleQuotes() {
        assertEquals("'it''s'", SqlIdentifiers.literal("it's"));
    }
}
