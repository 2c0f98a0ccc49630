package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.ValidatedFunctions;
import org.postgresql.util.PSQLException;

/**
 * The language's validator: CREATE FUNCTION ... LANGUAGE pgj_demo resolves the function as its
 * first call would, so a bad AS clause fails there, with the first call's error, while
 * check_function_bodies is on; and it runs none of the extension's code.
 */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    private static final String BASICS = "org.pgj.examples.demo.Basics";
    private static final String COUNTED = "org.pgj.examples.demo.Validated$Counted";

    private ServerLog.Mark mark;

    @BeforeEach
    void mark(PgServer server) {
        mark = ServerLog.mark(server);
    }

    @AfterEach
    void noCrash(PgServer server, Connection c) throws SQLException {
        exec(c, "drop function if exists checked(int), checked(text), checked(bigint), checked(int, int), checked(), counted()",
                "drop procedure if exists checked_proc(int)");
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aGoodFunctionIsCreatedAndRuns(Connection c) throws SQLException {
        exec(c, "create function checked(int) returns int language pgj_demo as '" + BASICS + ".addOne(int)'");
        assertEquals(42, one(c, "select checked(41)"));
        // Not declared STRICT, so the int parameter gets a NULL it cannot hold: that is the call's business.
        fails(c, "select checked(null)", "22004");
    }

    /**
     * Each bad definition fails at CREATE FUNCTION with the error its first call gives: with
     * check_function_bodies off (as pg_dump's restores have it), it is created, and only its call fails.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing class  | (int) returns int      | org.pgj.examples.demo.Nope.addOne(int)    | checked(1)    | 42883 | class org.pgj.examples.demo.Nope not found in the jars of
            missing method | (int) returns int      | org.pgj.examples.demo.Basics.nope(int)    | checked(1)    | 42883 | no public static method nope(int) in org.pgj.examples.demo.Basics
            wrong arity    | (int, int) returns int | org.pgj.examples.demo.Basics.addOne(int)  | checked(1, 1) | 42P13 | takes 1 parameters but the SQL function has 2
            wrong argument | (text) returns int     | org.pgj.examples.demo.Basics.addOne(int)  | checked('1')  | 42P13 | cannot hold SQL type text
            wrong result   | (bigint) returns text  | org.pgj.examples.demo.Basics.isEven(long) | checked(1)    | 42P13 | of the result
            not a method   | () returns int         | addOne                                    | checked()     | 42P13 | is not a Java method reference
            """)
    void aBadDefinitionFailsAtCreateWithTheFirstCallsError(String what, String signature, String target, String call,
            String sqlState, String message, Connection c) throws SQLException {
        String create = "create function checked" + signature + " language pgj_demo as '" + target + "'";
        PSQLException atCreate = fails(c, create, sqlState);
        contains(atCreate.getServerErrorMessage().getMessage(), message);
        assertNull(one(c, "select to_regproc('checked')"), "not created");

        exec(c, "set check_function_bodies = off", create, "reset check_function_bodies");
        PSQLException atCall = fails(c, "select " + call, sqlState);
        assertEquals(atCreate.getServerErrorMessage().getMessage(), atCall.getServerErrorMessage().getMessage());
        exec(c, "drop function checked" + signature.substring(0, signature.indexOf(')') + 1));
    }

    /** Validation loads the class without initializing it: the extension's code first runs at the first call. */
    @Test
    void validationRunsNoCodeOfTheExtension(PgServer server) throws SQLException {
        try (Connection fresh = server.connect()) {
            exec(fresh, "create function counted() returns int language pgj_demo as '" + COUNTED + ".answer()'");
            assertEquals(0, one(fresh, "select initializations()"), "CREATE FUNCTION initialized " + COUNTED);
            exec(fresh, "create procedure checked_proc(int) language pgj_demo as '" + COUNTED + ".nothing(int)'");
            assertEquals(0, one(fresh, "select initializations()"));
            assertEquals(42, one(fresh, "select counted()"));
            assertEquals(1, one(fresh, "select initializations()"));
        }
    }

    @Test
    void proceduresAreChecked(Connection c) throws SQLException {
        PSQLException e = fails(c, "create procedure checked_proc(int) language pgj_demo as '" + COUNTED + ".nothing(long)'",
                "42883");
        contains(e.getServerErrorMessage().getMessage(), "no public static method nothing(long) in " + COUNTED);
        exec(c, "create procedure checked_proc(int) language pgj_demo as '" + COUNTED + ".nothing(int)'", "call checked_proc(1)");
    }

    /** CREATE OR REPLACE is checked too, and a failed replacement keeps the old definition. */
    @Test
    void aFailedReplacementKeepsTheFunction(Connection c) throws SQLException {
        exec(c, "create function checked(int) returns int language pgj_demo as '" + BASICS + ".addOne(int)'");
        fails(c, "create or replace function checked(int) returns int language pgj_demo as '" + BASICS + ".gone(int)'", "42883");
        assertEquals(2, one(c, "select checked(1)"));
    }

    /** The validator refuses what PostgreSQL's own validators refuse: another language's function, no function. */
    @Test
    void theValidatorChecksWhatItIsCalledFor(Connection c) throws SQLException {
        PSQLException e = fails(c, "select pgj_demo_validator('lower(text)'::regprocedure)", "42501");
        contains(e.getMessage(), "language validation function");
        fails(c, "select pgj_demo_validator(0)", "42883");
        assertEquals(true, one(c, "select pgj_demo_validator(null) is null"), "strict");
        exec(c, "select pgj_demo_validator('add_one(int)'::regprocedure)");
    }

    /**
     * pgj languages are untrusted, so an ordinary user cannot create functions in them. As with
     * PostgreSQL's own validators, they may validate a function they may execute (which runs no
     * code, so gives nothing a call would not), and no other.
     */
    @Test
    void anOrdinaryUserCannotUseTheLanguage(PgServer server, Connection c) throws SQLException {
        exec(c, "do $$ begin create role pgj_validator_user login; exception when duplicate_object then null; end $$",
                "create function checked(int) returns int language pgj_demo as '" + BASICS + ".addOne(int)'",
                "revoke execute on function checked(int) from public");
        try (Connection user = server.connectAs("pgj_validator_user")) {
            PSQLException e = fails(user, "create function pg_temp.checked(int) returns int language pgj_demo as '"
                    + BASICS + ".addOne(int)'", "42501");
            contains(e.getMessage(), "permission denied for language pgj_demo");
            e = fails(user, "select pgj_demo_validator('checked(int)'::regprocedure)", "42501");
            contains(e.getMessage(), "permission denied for function checked");
            exec(user, "select pgj_demo_validator('add_one(int)'::regprocedure)");
        }
    }

    /** When Java cannot start, DDL goes on with a WARNING, and the first call raises the start-up error. */
    @Test
    void withoutJavaFunctionsAreCreatedWithAWarning(PgServer server) throws SQLException {
        try (Connection fresh = server.connect(); Statement s = fresh.createStatement()) {
            exec(fresh, "load 'pgj'", "set pgj.java_home = '/nonexistent/jdk'");
            s.execute("create function checked(int) returns int language pgj_demo as '" + BASICS + ".gone(int)'");
            SQLWarning warning = s.getWarnings();
            contains(String.valueOf(warning), "pgj could not check function checked(integer)");
            contains(String.valueOf(warning), "pgj.java_home = \"/nonexistent/jdk\"");
            fails(fresh, "select checked(1)", "39000");
            exec(fresh, "drop function checked(int)");
        }
    }
}
