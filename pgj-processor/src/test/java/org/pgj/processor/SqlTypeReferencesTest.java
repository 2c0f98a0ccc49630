package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTypeReferencesTest {
    @Test
    void bareNamesOfTheTypesASignatureUses() {
        assertEquals(List.of("vec2"), SqlTypeReferences.in("vec2"));
        assertEquals(List.of("vec2"), SqlTypeReferences.in("SETOF Vec2"));
        assertEquals(List.of("vec2"), SqlTypeReferences.in("util.vec2[][]"));
        assertEquals(List.of("Vec"), SqlTypeReferences.in("\"Vec\"[]"));
        assertEquals(List.of("a\"b"), SqlTypeReferences.in("\"my schema\".\"a\"\"b\""));
        assertEquals(List.of("varchar"), SqlTypeReferences.in("varchar(20)"));
        assertEquals(List.of("numeric"), SqlTypeReferences.in("numeric(10, 2)[3]"));
        assertEquals(List.of("setofthings"), SqlTypeReferences.in("setofthings"));
    }

    @Test
    void tablesListTheirColumnsTypes() {
        assertEquals(List.of("text", "vec2", "numeric", "Pin"),
                SqlTypeReferences.in("TABLE(word text, \"at, here\" vec2, n numeric(3, 1), p \"Pin\")"));
    }

    /** Names of several words are built-in types: none of them is a type the script creates. */
    @Test
    void severalWordsNameNothingTheScriptCreates() {
        assertEquals(List.of(), SqlTypeReferences.in("double precision"));
        assertEquals(List.of(), SqlTypeReferences.in("timestamp with time zone"));
        assertEquals(List.of(), SqlTypeReferences.in(""));
    }
}
