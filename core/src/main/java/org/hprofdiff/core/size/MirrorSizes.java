package org.hprofdiff.core.size;

/**
 * Sizes of {@code java.lang.Class} objects (mirrors), which the dump shows only as CLASS_DUMP records.
 *
 * <p>Since JDK 7 HotSpot keeps a class's static fields in its mirror, after the fields of
 * {@code java.lang.Class} itself: the mirror takes {@code align(C + S)}, C being the size of a
 * {@code java.lang.Class} instance (injected fields included, aligned) and S the statics' block. The
 * VM lays statics out from C in this order, each field appended at the next offset its size allows,
 * holes left unfilled (JDK 8's ClassFileParser and JDK 15+'s FieldLayoutBuilder alike): references,
 * then longs and doubles, ints and floats, shorts and chars, bytes and booleans; the block is then
 * rounded up to 8 bytes (the VM counts it in words). The one hole this can leave is before the first
 * long when an odd number of 4-byte references precede it: measured on JDK 25 without compressed
 * class pointers, 18 of 1,828 mirrors are 8 bytes larger than their statics' sum rounded to 8
 * ({@code java.util.TreeMap}: a reference, a long and two booleans take 24 bytes, not 16). Up to JDK 6 statics lived in the
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

    /**
     * A class's static fields as the mirror lays them out.
     *
     * @param primitiveBytes bytes of the primitive statics
     * @param references     reference statics
     * @param hasWide        whether a long or double is among them (it is 8-aligned after the references)
     */
    public record Statics(long primitiveBytes, long references, boolean hasWide) {
        public static final Statics NONE = new Statics(0, 0, false);
    }

    /** The mirror of a class with these static fields. */
    public long mirror(SizeModel model, Statics statics) {
        if (!staticsInMirrors) return classInstanceSize;
        return model.align(classInstanceSize + staticBlock(model, statics));
    }

    /** Bytes the static fields take in a mirror (see the layout above). */
    public static long staticBlock(SizeModel model, Statics statics) {
        long offset = statics.references() * model.referenceBytes();
        if (statics.hasWide()) offset = (offset + 7) / 8 * 8;
        offset += statics.primitiveBytes();
        return (offset + 7) / 8 * 8;
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
