package org.hprofdiff.testdata.synth;

/**
 * GC root sub-records with their tags and body layouts. Layouts follow HotSpot heapDumper.cpp and Android
 * hprof.cc {@code MarkRootObject} (where ROOT_JNI_MONITOR is object id, thread serial, frame number, and the
 * other Android roots carry only the object id).
 */
public enum RootKind {
    UNKNOWN(0xFF, Layout.ID),
    JNI_GLOBAL(0x01, Layout.ID_ID),
    JNI_LOCAL(0x02, Layout.ID_U4_U4),
    JAVA_FRAME(0x03, Layout.ID_U4_U4),
    NATIVE_STACK(0x04, Layout.ID_U4),
    STICKY_CLASS(0x05, Layout.ID),
    THREAD_BLOCK(0x06, Layout.ID_U4),
    MONITOR_USED(0x07, Layout.ID),
    THREAD_OBJECT(0x08, Layout.ID_U4_U4),
    INTERNED_STRING(0x89, Layout.ID),
    FINALIZING(0x8A, Layout.ID),
    DEBUGGER(0x8B, Layout.ID),
    REFERENCE_CLEANUP(0x8C, Layout.ID),
    VM_INTERNAL(0x8D, Layout.ID),
    JNI_MONITOR(0x8E, Layout.ID_U4_U4);

    /** What follows the tag: object id, then nothing / a second id / one u4 / two u4s. */
    public enum Layout {
        ID, ID_ID, ID_U4, ID_U4_U4;

        public int bodySize(int idSize) {
            return switch (this) {
                case ID -> idSize;
                case ID_ID -> 2 * idSize;
                case ID_U4 -> idSize + 4;
                case ID_U4_U4 -> idSize + 8;
            };
        }
    }

    private final int tag;
    private final Layout layout;

    RootKind(int tag, Layout layout) {
        this.tag = tag;
        this.layout = layout;
    }

    public int tag() {
        return tag;
    }

    public Layout layout() {
        return layout;
    }

    public boolean isAndroidOnly() {
        return tag >= 0x89 && tag <= 0x8E;
    }
}
