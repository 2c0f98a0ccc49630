package org.pgj.test;

/**
 * For tests that run in the backend ({@link InBackend}): how many Java objects the server holds
 * for pgj now (Java aggregate states, the extra data of GIN query keys), each released when the
 * memory context it lives in goes. Equal counts before and after a query show it leaked none.
 */
public final class HeldObjects {
    private HeldObjects() {
    }

    /**
     * The runtime's count. Extension sources compile against the API alone, so the runtime is
     * reached by reflection, which a test stage (unlike an extension) may do (see pgj-api's
     * module-info).
     */
    public static int count() {
        try {
            return (int) Class.forName("org.pgj.internal.aggregates.ObjectStates").getMethod("live").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot count the held objects; run this in the backend (@InBackend)", e);
        }
    }
}
