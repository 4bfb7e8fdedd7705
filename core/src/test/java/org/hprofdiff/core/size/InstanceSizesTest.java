package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hprofdiff.core.size.InstanceSizes.Evidence;
import org.hprofdiff.core.size.InstanceSizes.Holder;
import org.junit.jupiter.api.Test;

/** The hidden-field rule on the cases measured against GC.class_histogram (sizes in the comments are the JVM's). */
class InstanceSizesTest {
    private static final SizeModel COMPRESSED = new SizeModel(12, 4, 8, false, true, "test");
    private static final SizeModel COMPACT = new SizeModel(8, 4, 8, false, true, "test");
    private static final SizeModel NO_CLASS_POINTERS = new SizeModel(16, 8, 8, true, true, "test");
    private static final long NONE = Long.MAX_VALUE;

    @Test
    void aGapTooSmallToHoldAnObjectBelongsToTheInstance() {
        // JDK 25 -XX:-UseCompressedOops InternalError: 56 declared, 64 real; 8 bytes cannot hold an object.
        assertEquals(64, InstanceSizes.recover(COMPRESSED, new Evidence(56, 64, 0, Holder.NONE)));
    }

    @Test
    void deadSpaceAfterAnOrdinaryClassIsNotTakenForFields() {
        // JDK 17 lambdas (16 bytes) followed by 80 bytes of dead space; a 32-byte object followed by a dead 16-byte one.
        assertEquals(16, InstanceSizes.recover(COMPRESSED, new Evidence(16, 96, 0, Holder.NONE)));
        assertEquals(32, InstanceSizes.recover(NO_CLASS_POINTERS, new Evidence(32, 48, 0, Holder.NONE)));
        // BoundMethodHandle$Species_LLLLLLL: 96 bytes, two of three instances followed by 112 dead bytes.
        assertEquals(96, InstanceSizes.recover(COMPRESSED, new Evidence(96, 208, 0, Holder.NONE)));
    }

    @Test
    void injectedFieldsAreTakenUpToTwoWords() {
        // Compact headers: AppClassLoader 96 declared, 104 real (ClassLoader's injected loader_data); 8 bytes could hold an object.
        assertEquals(104, InstanceSizes.recover(COMPACT, new Evidence(96, 104, 0, Holder.INJECTED)));
        assertEquals(96, InstanceSizes.recover(COMPACT, new Evidence(96, 104, 0, Holder.NONE)));
        assertEquals(96, InstanceSizes.recover(COMPACT, new Evidence(96, 136, 0, Holder.INJECTED)));
    }

    @Test
    void contendedPaddingIsTakenNearMultiplesOfThePaddingWidth() {
        // JDK 17 Thread: 112 declared, 368 real (two 128-byte paddings).
        assertEquals(368, InstanceSizes.recover(COMPRESSED, new Evidence(112, 368, 0, Holder.BOTH)));
        assertEquals(112, InstanceSizes.recover(COMPRESSED, new Evidence(112, 300, 0, Holder.CONTENDED)));
    }

    @Test
    void subclassesInheritTheirSuperclassAddition() {
        // JDK 17 FinalizerThread: 112 declared, 376 real; Thread's own addition is 256.
        assertEquals(376, InstanceSizes.recover(COMPRESSED, new Evidence(112, 376, 256, Holder.NONE)));
        // Without a usable gap of its own it still carries the inherited addition.
        assertEquals(368, InstanceSizes.recover(COMPRESSED, new Evidence(112, NONE, 256, Holder.NONE)));
        assertEquals(368, InstanceSizes.recover(COMPRESSED, new Evidence(112, 1000, 256, Holder.NONE)));
    }

    @Test
    void aGapBelowTheDeclaredSizeLeavesTheDeclaredSize() {
        assertEquals(40, InstanceSizes.recover(COMPRESSED, new Evidence(40, 24, 0, Holder.INJECTED)));
    }
}
