/**
 * A hand-written hprof encoder, independent of the project's reader, so that tests comparing what the
 * reader decodes with what the writer was told mean something.
 * <ul>
 *   <li>{@link org.hprofdiff.testdata.synth.HprofWriter}: one method per record and sub-record, segment
 *       framing like HotSpot, raw escape hatches for malformed input.</li>
 *   <li>{@link org.hprofdiff.testdata.synth.SyntheticHeap}: classes, objects, roots and threads with
 *       address-like ids, written in chosen layouts, with the ground truth kept on the side
 *       ({@link org.hprofdiff.testdata.synth.HeapTruth}).</li>
 *   <li>{@link org.hprofdiff.testdata.synth.DumpFiles}: plain, gzip, HotSpot chunked gzip, truncated.</li>
 *   <li>{@link org.hprofdiff.testdata.synth.LargeDumpGenerator}: multi-GB dumps at disk speed for benchmarks.</li>
 *   <li>{@link org.hprofdiff.testdata.synth.RandomGraphs}: small seeded graphs for brute-force graph tests.</li>
 * </ul>
 * Format sources: OpenJDK {@code src/hotspot/share/services/heapDumper.cpp} (records, segment cutting,
 * class dump layout), {@code heapDumperCompression.cpp} and {@code libzip/zip_util.c} (chunked gzip), and
 * Android {@code art/runtime/hprof/hprof.cc} (the 1.0.3 sub-records).
 */
package org.hprofdiff.testdata.synth;
