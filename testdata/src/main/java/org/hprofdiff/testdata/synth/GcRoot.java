package org.hprofdiff.testdata.synth;

/**
 * One GC root sub-record. Which of {@code first}/{@code second} are written depends on the kind's layout:
 * JNI_GLOBAL writes {@code first} as the JNI global ref id; JNI_LOCAL/JAVA_FRAME/JNI_MONITOR write the
 * thread serial and frame number; THREAD_OBJECT writes the thread serial and stack trace serial;
 * NATIVE_STACK/THREAD_BLOCK write the thread serial.
 */
public record GcRoot(RootKind kind, long objectId, long first, long second) {

    public static GcRoot of(RootKind kind, long objectId) {
        return new GcRoot(kind, objectId, 0, 0);
    }

    public static GcRoot jniGlobal(long objectId, long jniGlobalRefId) {
        return new GcRoot(RootKind.JNI_GLOBAL, objectId, jniGlobalRefId, 0);
    }

    public static GcRoot onThread(RootKind kind, long objectId, int threadSerial, int frameNumber) {
        return new GcRoot(kind, objectId, threadSerial, frameNumber & 0xFFFF_FFFFL);
    }

    public static GcRoot threadObject(long threadObjectId, int threadSerial, int stackTraceSerial) {
        return new GcRoot(RootKind.THREAD_OBJECT, threadObjectId, threadSerial, stackTraceSerial);
    }
}
