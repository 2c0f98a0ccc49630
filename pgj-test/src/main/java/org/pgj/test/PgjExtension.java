package org.pgj.test;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link PgjTest}: sets up the shared test environment, resolves
 * {@link Connection} and {@link PgServer} parameters, and runs {@link InBackend} methods in
 * the backend instead of locally.
 */
public final class PgjExtension implements BeforeAllCallback, ParameterResolver, InvocationInterceptor {
    private static final Namespace NAMESPACE = Namespace.create(PgjExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    /**
     * The shared environment. The root store's resource forgets it when the test run ends; it
     * does not stop the server, which the next run reuses.
     */
    private static TestEnvironment environment(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TestEnvironment.class,
                k -> new StoredResource<AutoCloseable>(TestEnvironment::forget), StoredResource.class);
        return TestEnvironment.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Connection.class || type == PgServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Executable executable = parameter.getDeclaringExecutable();
        if (executable instanceof Method m && context.getTestMethod().filter(m::equals).isPresent()
                && inBackend(m, context.getRequiredTestClass(), context.getEnclosingTestClasses()).isPresent()) {
            throw new ParameterResolutionException(noParameters(m));
        }
        TestServer server = environment(context).server();
        if (parameter.getParameter().getType() == PgServer.class) {
            return server;
        }
        // One per context: a test method and its @BeforeEach/@AfterEach methods share one session.
        @SuppressWarnings("unchecked")
        StoredResource<Connection> stored = context.getStore(NAMESPACE).getOrComputeIfAbsent(Connection.class, k -> {
            try {
                return new StoredResource<>(server.connect());
            } catch (SQLException e) {
                throw new ParameterResolutionException("cannot connect to " + server.jdbcUrl() + ": " + e.getMessage(), e);
            }
        }, StoredResource.class);
        return stored.value();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext.getExecutable(), context);
    }

    /** @RepeatedTest and other templates; parameterized ones fail the no-parameter rule when in-backend. */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext.getExecutable(), context);
    }

    private static void intercept(Invocation<Void> invocation, Method method, ExtensionContext context) throws Throwable {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<InBackend> inBackend = inBackend(method, testClass, context.getEnclosingTestClasses());
        Optional<ExpectedPgError> expected = AnnotationSupport.findAnnotation(method, ExpectedPgError.class);
        Throwable thrown = null;
        if (inBackend.isPresent()) {
            invocation.skip();
            if (method.getParameterCount() > 0) {
                throw new ExtensionConfigurationException(noParameters(method));
            }
            thrown = invoker(context).run(testClass, method, inBackend.get().commit());
        } else if (expected.isPresent()) {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown = t;
            }
        } else {
            invocation.proceed();
            return;
        }
        if (expected.isPresent()) {
            PgErrorExpectation.verify(expected.get(), thrown);
        } else if (thrown != null) {
            throw thrown;
        }
    }

    /** The method's annotation, else its class's (inherited), else an enclosing class's. */
    static Optional<InBackend> inBackend(Method method, Class<?> testClass, List<Class<?>> enclosing) {
        Optional<InBackend> own = AnnotationSupport.findAnnotation(method, InBackend.class);
        return own.isPresent() ? own : AnnotationSupport.findAnnotation(testClass, InBackend.class, enclosing);
    }

    private static String noParameters(Method method) {
        return "@InBackend test method " + method.getDeclaringClass().getName() + "." + method.getName()
                + " declares parameters, but in-backend methods take none (JUnit resolves parameters in the test "
                + "JVM, and they cannot cross into the backend): remove them, or drop @InBackend and use a Connection";
    }

    /** The class's invoker, kept in the test class's store so that it closes with the class. */
    private static BackendInvoker invoker(ExtensionContext context) {
        ExtensionContext start = context;
        while (start.getTestMethod().isPresent() && start.getParent().isPresent()) {
            start = start.getParent().get();
        }
        ExtensionContext classContext = start;
        TestServer server = environment(context).server();
        @SuppressWarnings("unchecked")
        StoredResource<BackendInvoker> stored = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(BackendInvoker.class,
                k -> new StoredResource<>(new BackendInvoker(server, classContext.getRequiredTestClass())),
                StoredResource.class);
        return stored.value();
    }
}
