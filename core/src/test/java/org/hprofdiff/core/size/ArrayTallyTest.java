package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hprofdiff.core.format.BasicType;
import org.junit.jupiter.api.Test;

/** The tally's total equals the brute-force sum of every array's size, for every layout it may be asked about. */
class ArrayTallyTest {

    @Test
    void totalEqualsTheSumOfEachArraysSizeUnderEveryModel() {
        Random random = new Random(7);
        for (BasicType type : BasicType.values()) {
            ArrayTally tally = new ArrayTally(type);
            int[] lengths = new int[2000];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = i % 3 == 0 ? random.nextInt(5) : random.nextInt(1 << 20);
                tally.add(lengths[i]);
            }
            for (int header : new int[] {8, 12, 16}) {
                for (int refs : new int[] {4, 8}) {
                    for (boolean aligned : new boolean[] {false, true}) {
                        for (int alignment = 8; alignment <= 256; alignment *= 2) {
                            SizeModel m = new SizeModel(header, refs, alignment, aligned, true, "test");
                            long sum = 0;
                            for (int length : lengths) sum += m.arraySize(type, length);
                            assertEquals(sum, tally.bytes(m), () -> type + " " + m);
                        }
                    }
                }
            }
            assertEquals(lengths.length, tally.count());
        }
    }
}
