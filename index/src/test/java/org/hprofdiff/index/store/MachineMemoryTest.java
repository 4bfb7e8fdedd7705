package org.hprofdiff.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineMemoryTest {
    @Test
    void memInfoLinesReadInBytes() {
        assertEquals(12_345_678L * 1024, MachineMemory.parseKiB("MemAvailable:   12345678 kB"));
        assertThrows(IllegalArgumentException.class, () -> MachineMemory.parseKiB("MemAvailable: 12 MB"));
    }

    @Test
    void availableIsWithinTheMachinesMemoryOrUnknown() {
        long available = MachineMemory.available();
        long total = MachineMemory.total();
        assertTrue(available == -1 || available > 0 && (total == 0 || available <= total), available + " of " + total);
    }
}
