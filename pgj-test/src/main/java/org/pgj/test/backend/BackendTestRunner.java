package org.pgj.test.backend;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import org.pgj.errors.PgException;
import org.pgj.errors.PgInterrupt;

/**
 * Runs one test method inside a PostgreSQL backend; the body of {@code pgj_test.run(class_name,
 * method_name)}, which pgj-test creates in the test database in the language
 * {@code pgj_<ext>__test}, whose class path is the stage's test folder (test classes, main
 * classes, test dependencies and pgj-test itself).
 *
 * <p>Depends on nothing but the JDK and pgj-api, so that it loads in any backend.
 */
public final class BackendTestRunner {
    private BackendTestRunner() {
    }

    /**
     * Instantiates {@code className} with its no-argument constructor and calls
     * {@code methodName()} on the instance (or statically).
     *
     * @return {@link FailureText#OK}, or a {@link FailureText} for anything the test threw
     * @throws PgException  unchanged, so that the server raises it as an ERROR with its SQLSTATE
     * @throws PgInterrupt  unchanged: a cancel or termination must stop the statement
     */
    public static String run(String className, String methodName) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Libraries under test that look up services or drivers see the test class path.
        thread.setContextClassLoader(loader());
        try {
            invoke(className, methodName);
            return FailureText.OK;
        } catch (PgException | PgInterrupt e) {
            throw e;
        } catch (ExceptionInInitializerError e) {
            // A static initializer that hit a server error: the server error is what matters.
            if (e.getCause() instanceof PgException p) {
                throw p;
            }
            if (e.getCause() instanceof PgInterrupt p) {
                throw p;
            }
            return FailureText.encode(e);
        } catch (Throwable t) {
            return FailureText.encode(t);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ClassLoader loader() {
        return BackendTestRunner.class.getClassLoader();
    }

    private static void invoke(String className, String methodName) throws Throwable {
        Class<?> testClass;
        try {
            testClass = Class.forName(className, true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test class " + className + " is not in the backend's test jars ("
                    + jarFolder() + "): the stage is older than the tests; restage with "
                    + "mvn process-test-classes (or run mvn test)", e);
        }
        Method method = findMethod(testClass, methodName);
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(testClass);
        // JUnit test classes and methods are usually package-private.
        method.setAccessible(true);
        try {
            method.invoke(instance);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The parameterless method {@code name}, declared in the class, a superclass or (as a default) an interface. */
    static Method findMethod(Class<?> testClass, String name) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                // try the superclass
            }
        }
        try {
            return testClass.getMethod(name);
        } catch (NoSuchMethodException e) {
            // reported below
        }
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                throw new IllegalStateException("test method " + testClass.getName() + "." + name + " takes "
                        + m.getParameterCount() + " parameter(s), but an in-backend test method takes none");
            }
        }
        throw new IllegalStateException("test method " + testClass.getName() + "." + name + "() is not in the backend's "
                + "test jars (" + jarFolder() + "): the stage is older than the tests; restage with mvn "
                + "process-test-classes (or run mvn test)");
    }

    /** A fresh instance, as JUnit makes one per test method; an inner (@Nested) class gets its outer instances too. */
    static Object newInstance(Class<?> c) throws Throwable {
        boolean inner = c.isMemberClass() && !Modifier.isStatic(c.getModifiers());
        Constructor<?> constructor;
        try {
            constructor = inner ? c.getDeclaredConstructor(c.getEnclosingClass()) : c.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("test class " + c.getName() + " has no constructor without parameters: "
                    + "an in-backend test's class is instantiated with one", e);
        }
        constructor.setAccessible(true);
        try {
            return inner ? constructor.newInstance(newInstance(c.getEnclosingClass())) : constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String jarFolder() {
        CodeSource source = BackendTestRunner.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI()).getParent().toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown folder";
        }
    }
}
