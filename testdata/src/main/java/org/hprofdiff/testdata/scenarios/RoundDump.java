package org.hprofdiff.testdata.scenarios;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The files a child wrote after one round.
 *
 * @param round     1-based
 * @param hprof     the heap dump, {@code <scenario>-<round>.hprof}
 * @param histogram the class histogram taken just before it, {@code <scenario>-<round>.histo.txt}
 * @param loaders   the class loaders with their classes, listed right after the histogram,
 *                  {@code <scenario>-<round>.loaders.txt} (see {@link ClassLoaderListing})
 * @param dumpedAt  wall-clock time the dump started (the dump's header has its own, in ms)
 */
public record RoundDump(int round, Path hprof, Path histogram, Path loaders, Instant dumpedAt) {
}
