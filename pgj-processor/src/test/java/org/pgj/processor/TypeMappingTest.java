package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeMappingTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "integer | integer",
            "int4 | integer",
            "INT | integer",
            "varchar(10) | character varying",
            "character varying (10) | character varying",
            "numeric(10, 2) | numeric",
            "text[] | text[]",
            "int8[] | bigint[]",
            "double   precision | double precision",
            "citext | citext",
    })
    void signatureFormIgnoresModifiersAndAliases(String type, String form) {
        assertEquals(form, TypeMapping.signatureForm(type));
    }
}
