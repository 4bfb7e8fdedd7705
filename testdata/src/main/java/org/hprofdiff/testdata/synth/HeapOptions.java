package org.hprofdiff.testdata.synth;

/**
 * Fixed properties of a {@link SyntheticHeap}: id size, header version, size model, timestamp, where object
 * addresses and symbol ids start, and whether boot-loader classes get ROOT_STICKY_CLASS roots as HotSpot
 * writes them.
 */
public record HeapOptions(int idSize, String version, SizeModel sizeModel, long timestampMillis,
                          long heapBase, long symbolBase, boolean stickySystemClasses) {

    public static final String VERSION_1_0_1 = "JAVA PROFILE 1.0.1";
    public static final String VERSION_1_0_2 = "JAVA PROFILE 1.0.2";
    /** Android's version: adds HEAP_DUMP_INFO, the 0x89–0x8E roots, UNREACHABLE, PRIMITIVE_ARRAY_NODATA. */
    public static final String VERSION_1_0_3 = "JAVA PROFILE 1.0.3";

    /** A 64-bit HotSpot dump: 8-byte ids, compressed oops, heap at 0x7_0000_0000 like a 4 GB-based heap. */
    public static HeapOptions hotspot64() {
        return new HeapOptions(8, VERSION_1_0_2, SizeModel.COMPRESSED_OOPS, 1_700_000_000_000L, 0x7_0000_0000L,
                0x7f00_0000_0000L, true);
    }

    /** A 32-bit-style dump: 4-byte ids. */
    public static HeapOptions ids4() {
        return new HeapOptions(4, VERSION_1_0_2, SizeModel.COMPRESSED_OOPS, 1_700_000_000_000L, 0x1000_0000L,
                0xE000_0000L, true);
    }

    /** An Android-like dump: version 1.0.3, 4-byte ids, no sticky-class roots. */
    public static HeapOptions android() {
        return new HeapOptions(4, VERSION_1_0_3, new SizeModel(8, 12, 4, 8), 1_700_000_000_000L, 0x1200_0000L,
                0xE000_0000L, false);
    }

    public HeapOptions withIdSize(int size) {
        HeapOptions base = size == 4 ? ids4() : hotspot64();
        return new HeapOptions(size, version, sizeModel, timestampMillis, base.heapBase, base.symbolBase,
                stickySystemClasses);
    }

    public HeapOptions withVersion(String headerVersion) {
        return new HeapOptions(idSize, headerVersion, sizeModel, timestampMillis, heapBase, symbolBase,
                stickySystemClasses);
    }

    public HeapOptions withSizeModel(SizeModel model) {
        return new HeapOptions(idSize, version, model, timestampMillis, heapBase, symbolBase, stickySystemClasses);
    }

    public HeapOptions withStickySystemClasses(boolean sticky) {
        return new HeapOptions(idSize, version, sizeModel, timestampMillis, heapBase, symbolBase, sticky);
    }
}
