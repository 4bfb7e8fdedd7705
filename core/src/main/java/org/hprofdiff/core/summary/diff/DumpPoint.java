package org.hprofdiff.core.summary.diff;

/**
 * One dump of the series as reports show it.
 *
 * @param index            0-based position in the series (the order the user gave)
 * @param path             as given by the user
 * @param dumpNumber       which heap dump of the file (1-based)
 * @param timestampMillis  dump time from the header (ms since the epoch), or null when the header has none (0)
 * @param partial          true when the dump could not be read completely: its numbers cover what was read
 * @param objects          all objects in the dump
 * @param shallowBytes     their shallow bytes
 */
public record DumpPoint(int index, String path, int dumpNumber, Long timestampMillis, boolean partial, long objects,
                        long shallowBytes) {}
