package org.pgj.errors;

/** SQLSTATE codes that Java code commonly raises or checks (PostgreSQL's Appendix A). */
public final class SqlState {
    public static final String SUCCESSFUL_COMPLETION = "00000";
    public static final String WARNING = "01000";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String CARDINALITY_VIOLATION = "21000";
    public static final String DATA_EXCEPTION = "22000";
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    public static final String NULL_VALUE_NOT_ALLOWED = "22004";
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    public static final String INVALID_TIME_ZONE_DISPLACEMENT_VALUE = "22009";
    public static final String ARRAY_SUBSCRIPT_ERROR = "2202E";
    public static final String DIVISION_BY_ZERO = "22012";
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    public static final String INVALID_PARAMETER_VALUE = "22023";
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    public static final String INVALID_BINARY_REPRESENTATION = "22P03";
    public static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";
    public static final String NOT_NULL_VIOLATION = "23502";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String CHECK_VIOLATION = "23514";
    public static final String INVALID_TRANSACTION_STATE = "25000";
    public static final String INVALID_TRANSACTION_TERMINATION = "2D000";
    public static final String INVALID_CURSOR_NAME = "34000";
    public static final String EXTERNAL_ROUTINE_EXCEPTION = "38000";
    public static final String EXTERNAL_ROUTINE_INVOCATION_EXCEPTION = "39000";
    public static final String SYNTAX_ERROR = "42601";
    public static final String INSUFFICIENT_PRIVILEGE = "42501";
    public static final String UNDEFINED_COLUMN = "42703";
    public static final String DATATYPE_MISMATCH = "42804";
    public static final String UNDEFINED_FUNCTION = "42883";
    public static final String UNDEFINED_TABLE = "42P01";
    public static final String DUPLICATE_OBJECT = "42710";
    public static final String INVALID_FUNCTION_DEFINITION = "42P13";
    public static final String INSUFFICIENT_RESOURCES = "53000";
    public static final String OUT_OF_MEMORY = "53200";
    public static final String FDW_ERROR = "HV000";
    public static final String FDW_INVALID_OPTION_NAME = "HV00D";
    public static final String FDW_OPTION_NAME_NOT_FOUND = "HV00J";
    public static final String FDW_UNABLE_TO_ESTABLISH_CONNECTION = "HV00N";
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
    public static final String DATA_CORRUPTED = "XX001";
    public static final String STATEMENT_TOO_COMPLEX = "54001";
    public static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";
    public static final String QUERY_CANCELED = "57014";
    public static final String ADMIN_SHUTDOWN = "57P01";
    public static final String IO_ERROR = "58030";
    public static final String UNDEFINED_FILE = "58P01";
    public static final String INTERNAL_ERROR = "XX000";
    public static final String RAISE_EXCEPTION = "P0001";
    public static final String NO_DATA_FOUND = "P0002";

    private SqlState() {
    }

    /** True for the codes that stop a statement or a session (class 57): never swallowable. */
    public static boolean isInterrupt(String sqlState) {
        return sqlState.startsWith("57");
    }

    static String requireValid(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            throw new IllegalArgumentException("a SQLSTATE has five characters: " + sqlState);
        }
        for (int i = 0; i < 5; i++) {
            char c = sqlState.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("a SQLSTATE has only digits and upper-case letters: " + sqlState);
            }
        }
        return sqlState;
    }
}
