/**
 * Reading dumps: {@link org.hprofdiff.core.read.HprofFile} opens and recognises a file (plain, mapped; or
 * gzip, single member or HotSpot's chunked {@code -gz}), {@link org.hprofdiff.core.read.HprofReader} streams
 * its records to a {@link org.hprofdiff.core.read.HprofVisitor}. Two classes are all a caller needs to read
 * a dump; a third, {@link org.hprofdiff.core.read.ParallelRead}, holds a parallel read's per-thread visitors.
 *
 * <p>Passes: {@code read(visitor)} (one thread, file order); {@code readParallel(threads, topLevel, perThread)}
 * (non-heap records first on the calling thread, then heap records on N threads); {@code plan(topLevel)} +
 * {@code readHeap(plan, ...)} / {@code readRange(range, visitor)} for callers that parse the heap records
 * more than once ({@link org.hprofdiff.core.read.HeapPlan}, {@link org.hprofdiff.core.read.HeapRecordRange}).
 * With {@code Options.bypassPageCache} the parallel reads take the heap records from memory that
 * {@link org.hprofdiff.core.read.DirectSpans} read ahead with {@code O_DIRECT} (for a dump bigger than the page
 * cache can keep); {@code HprofInput.view} points a thread's input at such a buffer.
 *
 * <p>Random access: {@link org.hprofdiff.core.read.HeapRecordAt} reads one object record at a known position (what
 * an index stores per object): tag, id, class id, array length and element type, where fields and elements start.
 *
 * <p>Damage is data, not an exception: {@link org.hprofdiff.core.read.ReadResult} says where the data ended
 * (truncation), which heap records were cut short by an unknown or corrupt sub-record, and whether the chosen
 * dump's results are partial. Only a file that cannot be read at all (not an hprof, bad header, a directory)
 * throws {@link org.hprofdiff.core.read.DumpFormatException}, whose message is one line: file, byte offset,
 * what was expected there. Offsets in gzip dumps count uncompressed bytes.
 */
package org.hprofdiff.core.read;
