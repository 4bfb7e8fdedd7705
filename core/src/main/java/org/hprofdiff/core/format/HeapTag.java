package org.hprofdiff.core.format;

/**
 * Sub-record tags inside HEAP_DUMP / HEAP_DUMP_SEGMENT bodies. A sub-record has no length of its
 * own, so an unknown tag cannot be skipped: the reader stops that heap record at it.
 * Sources: the JDK's {@code heapDumper.cpp}, Android's {@code hprof.cc} (tags 0x89–0xFE).
 */
public enum HeapTag {
    ROOT_UNKNOWN(0xFF, GcRootKind.UNKNOWN),
    ROOT_JNI_GLOBAL(0x01, GcRootKind.JNI_GLOBAL),
    ROOT_JNI_LOCAL(0x02, GcRootKind.JNI_LOCAL),
    ROOT_JAVA_FRAME(0x03, GcRootKind.JAVA_FRAME),
    ROOT_NATIVE_STACK(0x04, GcRootKind.NATIVE_STACK),
    ROOT_STICKY_CLASS(0x05, GcRootKind.STICKY_CLASS),
    ROOT_THREAD_BLOCK(0x06, GcRootKind.THREAD_BLOCK),
    ROOT_MONITOR_USED(0x07, GcRootKind.MONITOR_USED),
    ROOT_THREAD_OBJECT(0x08, GcRootKind.THREAD_OBJECT),
    ROOT_INTERNED_STRING(0x89, GcRootKind.INTERNED_STRING),
    ROOT_FINALIZING(0x8A, GcRootKind.FINALIZING),
    ROOT_DEBUGGER(0x8B, GcRootKind.DEBUGGER),
    ROOT_REFERENCE_CLEANUP(0x8C, GcRootKind.REFERENCE_CLEANUP),
    ROOT_VM_INTERNAL(0x8D, GcRootKind.VM_INTERNAL),
    ROOT_JNI_MONITOR(0x8E, GcRootKind.JNI_MONITOR),
    /** Android: an object the runtime knows is unreachable; not a root. */
    UNREACHABLE(0x90, null),
    CLASS_DUMP(0x20, null),
    INSTANCE_DUMP(0x21, null),
    OBJ_ARRAY_DUMP(0x22, null),
    PRIM_ARRAY_DUMP(0x23, null),
    /** Android: a primitive array whose contents were left out. */
    PRIMITIVE_ARRAY_NODATA(0xC3, null),
    /** Android: the following objects belong to the named heap (app, image, zygote). */
    HEAP_DUMP_INFO(0xFE, null);

    private static final HeapTag[] BY_CODE = new HeapTag[256];
    static {
        for (HeapTag t : values()) BY_CODE[t.code] = t;
    }

    public final int code;
    /** The root kind for root sub-records; null for objects and markers. */
    public final GcRootKind rootKind;

    HeapTag(int code, GcRootKind rootKind) {
        this.code = code;
        this.rootKind = rootKind;
    }

    /** The tag for a code, or null when no writer defines it (the reader stops the heap record there). */
    public static HeapTag of(int code) {
        return BY_CODE[code & 0xFF];
    }

    /**
     * Bytes of this sub-record before its variable part, tag included: the whole sub-record for roots and
     * Android markers; for objects the header up to the field, element or class-layout data.
     */
    public int fixedLength(int idSize) {
        return 1 + switch (this) {
            case ROOT_UNKNOWN, ROOT_STICKY_CLASS, ROOT_MONITOR_USED, ROOT_INTERNED_STRING, ROOT_FINALIZING,
                 ROOT_DEBUGGER, ROOT_REFERENCE_CLEANUP, ROOT_VM_INTERNAL, UNREACHABLE -> idSize;
            case ROOT_JNI_GLOBAL -> 2 * idSize;                                          // object, JNI global ref
            case ROOT_JNI_LOCAL, ROOT_JAVA_FRAME, ROOT_JNI_MONITOR -> idSize + 8;        // object, thread serial, frame
            case ROOT_THREAD_OBJECT -> idSize + 8;                                       // thread, thread serial, stack serial
            case ROOT_NATIVE_STACK, ROOT_THREAD_BLOCK -> idSize + 4;                     // object, thread serial
            case HEAP_DUMP_INFO -> 4 + idSize;                                           // heap id, name string
            // class, stack serial, super, loader, signers, protection domain, 2 reserved, instance size, constant count
            case CLASS_DUMP -> 7 * idSize + 4 + 4 + 2;
            case INSTANCE_DUMP -> 2 * idSize + 8;                                        // id, stack serial, class, length
            case OBJ_ARRAY_DUMP -> 2 * idSize + 8;                                       // id, stack serial, length, class
            case PRIM_ARRAY_DUMP, PRIMITIVE_ARRAY_NODATA -> idSize + 9;                  // id, stack serial, length, type
        };
    }

    /** How messages name the sub-record. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
