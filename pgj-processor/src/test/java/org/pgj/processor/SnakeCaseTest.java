package org.pgj.processor;

import org.pgj.internal.settings.SnakeCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {
    @ParameterizedTest
    @CsvSource({
            "addOne, add_one",
            "parseURL, parse_url",
            "URLParser, url_parser",
            "getHTTPResponse, get_http_response",
            "toUTF8, to_utf8",
            "utf8Length, utf8_length",
            "sha256Hex, sha256_hex",
            "already_snake, already_snake",
            "x, x",
            "ABC, abc",
            "_private, _private",
    })
    void convertsJavaNames(String java, String sql) {
        assertEquals(sql, SnakeCase.of(java));
    }
}
