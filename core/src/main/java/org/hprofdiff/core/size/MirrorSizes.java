package org.hprofdiff.core.size;

/**
 * Sizes of {@code java.lang.Class} objects (mirrors), which the dump shows only as CLASS_DUMP records.
 *
 * <p>Since JDK 7 HotSpot keeps a class's static fields in its mirror, after the fields of
 * {@code java.lang.Class} itself: the mirror takes {@code align(C + S)}, C being the size of a
 * {@code java.lang.Class} instance (injected fields included) and S the static fields rounded up to
 * 8 bytes (the VM counts them in words; statics are packed references first, then primitives largest
 * first into the holes, so the rounding absorbs the only hole). Up to JDK 6 statics lived in the
 * permanent generation and every mirror takes C. The dump does not say which; the mirrors' own gaps
 * do ({@link #staticsInMirrors}). HotSpot's dumper also lists VM data as fake static fields
 * ({@code <resolved_references>}, {@code <init_lock>}): they are not counted in S.
 *
 * @param classInstanceSize C
 * @param staticsInMirrors  whether S is part of a mirror
 */
public record MirrorSizes(long classInstanceSize, boolean staticsInMirrors) {

    /** More mirrors than this share contradicting "statics in the mirror" means they are not there. */
    static final double MAX_CONTRADICTED_SHARE = 0.05;

    /** The mirror of a class with these static fields. */
    public long mirror(SizeModel model, long staticPrimitiveBytes, long staticReferences) {
        if (!staticsInMirrors) return classInstanceSize;
        return model.align(classInstanceSize + staticBlock(model, staticPrimitiveBytes, staticReferences));
    }

    /** Bytes the static fields take in a mirror: their sizes, rounded up to 8. */
    public static long staticBlock(SizeModel model, long staticPrimitiveBytes, long staticReferences) {
        long statics = staticPrimitiveBytes + staticReferences * model.referenceBytes();
        return (statics + 7) / 8 * 8;
    }

    /**
     * Whether mirrors hold their class's statics, judged from the gaps after mirrors that have
     * statics: if they do, no such gap is smaller than C plus the statics (a gap is an upper bound of
     * the size). JDK 6 dumps contradict this for nearly every such mirror, JDK 11 to 25 dumps for none.
     *
     * @param gaps         smallest gap after each mirror that has static fields
     * @param staticBlocks {@link #staticBlock} of the same mirrors
     */
    public static boolean staticsInMirrors(long classInstanceSize, long[] gaps, long[] staticBlocks) {
        long contradicted = 0;
        for (int i = 0; i < gaps.length; i++) if (gaps[i] < classInstanceSize + staticBlocks[i]) contradicted++;
        return contradicted <= Math.max(2, MAX_CONTRADICTED_SHARE * gaps.length);
    }
}
