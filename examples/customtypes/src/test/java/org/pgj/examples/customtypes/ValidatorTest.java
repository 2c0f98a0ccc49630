package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ValidatedFunctions;

/** The language's validator on a base type's functions, whose bodies name a class and a role. */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    /** Receive, send and the derived comparisons; input and output are C functions, which PostgreSQL checks itself. */
    @Test
    void aBadClassOrRoleFailsAtCreateFunction(Connection c) throws SQLException {
        contains(fails(c, "create function checked(rgb) returns bytea language pgj_customtypes"
                + " as 'org.pgj.examples.customtypes.Nope::send'", "42883").getMessage(),
                "class org.pgj.examples.customtypes.Nope not found");
        contains(fails(c, "create function checked(rgb) returns bytea language pgj_customtypes"
                + " as 'org.pgj.examples.customtypes.Rgb::mix'", "42P13").getMessage(), "'mix' is not a role");
        contains(fails(c, "create function checked(rgb) returns bytea language pgj_customtypes"
                + " as 'org.pgj.examples.customtypes.Versions::send'", "42P13").getMessage(), "is not annotated @PgType");
    }

    /** A codec is the extension's code: validating, and resolving, a function of its type does not make one. */
    @Test
    void validationMakesNoCodec(PgServer server) throws SQLException {
        try (Connection fresh = server.connect()) {
            exec(fresh, "create function checked(rgb) returns bytea language pgj_customtypes"
                    + " as 'org.pgj.examples.customtypes.Rgb::send'");
            assertEquals(0, one(fresh, "select rgb_codecs_made()"));
            assertEquals("#ff8800", one(fresh, "select '#ff8800'::rgb::text"));
            assertEquals(1, one(fresh, "select rgb_codecs_made()"));
            exec(fresh, "drop function checked(rgb)");
        }
    }
}
