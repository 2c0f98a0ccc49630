package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** javac finds the processor on the processor path through META-INF/services. */
class ServiceRegistrationTest {
    @Test
    void processorIsAService() {
        assertTrue(ServiceLoader.load(Processor.class).stream()
                .anyMatch(p -> p.type() == PgjProcessor.class));
    }

    @Test
    void declaresItsOptions() {
        assertTrue(new PgjProcessor().getSupportedOptions().containsAll(
                java.util.Set.of("pgj.name", "pgj.version", "pgj.sqlDir")));
    }
}
