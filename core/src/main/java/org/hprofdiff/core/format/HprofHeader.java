package org.hprofdiff.core.format;

/**
 * The file header: {@code JAVA PROFILE 1.0.x\0}, u4 id size, u8 dump time in ms since the epoch.
 *
 * @param version       "1.0.1" (JDK 5 era), "1.0.2" (HotSpot with segments), "1.0.3" (Android)
 * @param idSize        4 or 8: the size of every object id in the file (8 on 64-bit HotSpot even with compressed oops)
 * @param timestampMillis when the dump started
 * @param length        bytes the header takes; the first record starts here
 */
public record HprofHeader(String version, int idSize, long timestampMillis, int length) {
    public static final String MAGIC = "JAVA PROFILE ";
    public static final java.util.List<String> KNOWN_VERSIONS = java.util.List.of("1.0.1", "1.0.2", "1.0.3");
}
