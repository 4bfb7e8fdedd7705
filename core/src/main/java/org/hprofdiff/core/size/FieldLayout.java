package org.hprofdiff.core.size;

import java.util.List;
import org.hprofdiff.core.format.BasicType;

/**
 * Instance sizes from declared fields, for both of HotSpot's field layouts.
 *
 * <p>JDK 15+ ({@link SizeModel#subclassFieldsFillGaps()}): fields are placed largest first into the
 * first gap that fits, the superclasses' gaps included, so an instance takes the header plus the sum of
 * all its fields, aligned. Measured exact against {@code GC.class_histogram} on JDK 17 and 25.
 *
 * <p>JDK 14 and older: each class's fields start where its superclass's ended, rounded up to a
 * reference; in a class, longs and doubles come first (8-aligned: when the start is not, one int,
 * short, byte or 4-byte reference fills the 4-byte gap, else it stays empty), then ints and floats,
 * shorts and chars, bytes and booleans, then references aligned to their size. So three classes each
 * adding one byte field (Eclipse MAT's {@code ClassA} ← {@code ClassB} ← {@code ClassC}) take 24 bytes
 * on a 32-bit VM, not 16 (measured, {@code jmap -histo} of JDK 6).
 */
public final class FieldLayout {
    private FieldLayout() {}

    /** One class's own instance fields, counted by size. */
    public record OwnFields(int references, int longs, int ints, int shorts, int bytes) {
        public static final OwnFields NONE = new OwnFields(0, 0, 0, 0, 0);

        public static OwnFields of(List<BasicType> types) {
            int r = 0, l = 0, i = 0, s = 0, b = 0;
            for (BasicType t : types) {
                switch (t == BasicType.OBJECT ? 0 : t.primitiveSize) {
                    case 0 -> r++;
                    case 8 -> l++;
                    case 4 -> i++;
                    case 2 -> s++;
                    default -> b++;
                }
            }
            return new OwnFields(r, l, i, s, b);
        }

        public long primitiveBytes() {
            return 8L * longs + 4L * ints + 2L * shorts + bytes;
        }

        /** Bytes these fields take in a dump file, references at the file's id size. */
        public long bytesInFile(int idSize) {
            return primitiveBytes() + (long) references * idSize;
        }
    }

    /** Instance size of a class whose fields are {@code chain}, the root class's first. */
    public static long instanceSize(SizeModel model, List<OwnFields> chain) {
        return model.subclassFieldsFillGaps() ? packed(model, chain) : classByClass(model, chain);
    }

    private static long packed(SizeModel model, List<OwnFields> chain) {
        long bytes = 0;
        for (OwnFields f : chain) bytes += f.primitiveBytes() + (long) f.references() * model.referenceBytes();
        return model.instanceSize(bytes);
    }

    private static long classByClass(SizeModel model, List<OwnFields> chain) {
        int ref = model.referenceBytes();
        long offset = model.objectHeaderBytes();
        for (OwnFields f : chain) {
            int ints = f.ints(), shorts = f.shorts(), bytes = f.bytes(), refs = f.references();
            if (f.longs() > 0 && offset % 8 != 0) {
                // One smaller field goes into the gap before the first long, if there is one.
                if (ints > 0) ints--;
                else if (shorts > 0) shorts--;
                else if (bytes > 0) bytes--;
                else if (refs > 0 && ref == 4) refs--;
                offset += 8 - offset % 8;
            }
            offset += 8L * f.longs() + 4L * ints + 2L * shorts + bytes;
            if (refs > 0) offset = roundUp(offset, ref) + (long) refs * ref;
            offset = roundUp(offset, ref);
        }
        return model.align(offset);
    }

    private static long roundUp(long value, int to) {
        return (value + to - 1) / to * to;
    }
}
