package org.pgj.tooling.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void ordersAsPeopleNumber() {
        List<String> versions = new ArrayList<>(List.of("1.0", "0.10", "0.9", "1.0-rc1", "1.0.1", "0.2.0-SNAPSHOT", "0.2.0"));
        versions.sort(Versions.ORDER);
        assertEquals(List.of("0.2.0-SNAPSHOT", "0.2.0", "0.9", "0.10", "1.0-rc1", "1.0", "1.0.1"), versions);
    }
}
