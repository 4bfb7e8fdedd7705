package org.hprofdiff.core.size;

/**
 * The size of a class's instances. The dump lists the declared fields, which give a lower bound;
 * the VM may add what the dump does not show: injected fields ({@code ClassLoader}, {@code Module},
 * {@code MemberName}, {@code ResolvedMethodName}, {@code Throwable}, {@code java.lang.Class}: a word
 * or two each) and {@code @Contended} padding (JDK 17 {@code Thread}: 112 → 368 bytes). The smallest
 * distance from an instance to the next object in memory is an upper bound, exact when the two are
 * adjacent, which they nearly always are in the compacted heap of a live dump. Not always: JDK 17's
 * G1 leaves dead objects in place in regions it does not compact, JDK 25 fills such holes with
 * filler arrays the dump leaves out, and CDS keeps archived objects the dump skips. Measured on
 * JDK 17 dumps, 30 single-instance classes (lambdas, {@code java.lang.ref.Cleaner}) had a first
 * gap 32 to 400 bytes above their true size, while every true addition was either seen after two or
 * more instances, or was at most 16 bytes, or was inherited from a superclass whose own addition was
 * established.
 *
 * <p>So the gap is taken as the size only when it is trustworthy:
 * <ol>
 *   <li>two or more instances were followed by an object at exactly that distance, or</li>
 *   <li>it exceeds the declared size by at most {@link #SMALL_ADDITION} bytes (two injected words), or</li>
 *   <li>a superclass is known to carry an addition and the gap exceeds the declared size by at most
 *       that addition plus one alignment unit (the subclass's own fields may shift by one).</li>
 * </ol>
 * Otherwise the size is the declared size plus the superclass's addition, if any.
 */
public final class InstanceSizes {
    /** The largest addition trusted from a single gap without support from a superclass. */
    public static final long SMALL_ADDITION = 16;

    private InstanceSizes() {}

    /** The declared fields' size: header plus fields (superclasses included), aligned. */
    public static long declared(SizeModel model, long primitiveFieldBytes, long referenceFields) {
        return model.instanceSize(primitiveFieldBytes + referenceFields * model.referenceBytes());
    }

    /**
     * The instance size by the rule above.
     *
     * @param declared          {@link #declared}
     * @param smallestGap       smallest distance from an instance to the next object, Long.MAX_VALUE if none was seen
     * @param smallestGapCount  how many instances had that distance
     * @param inheritedAddition bytes the nearest superclass with an established addition has beyond its declared size, else 0
     */
    public static long recover(SizeModel model, long declared, long smallestGap, long smallestGapCount, long inheritedAddition) {
        long fallback = declared + inheritedAddition;
        if (smallestGap == Long.MAX_VALUE || smallestGap <= declared) return smallestGap == Long.MAX_VALUE ? fallback : declared;
        long addition = smallestGap - declared;
        boolean trusted = smallestGapCount >= 2
                || addition <= SMALL_ADDITION
                || inheritedAddition > 0 && addition <= inheritedAddition + model.objectAlignment();
        return trusted ? smallestGap : fallback;
    }
}
