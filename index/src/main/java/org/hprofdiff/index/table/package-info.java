/**
 * The index's stored tables and their readers: the id → ordinal index ({@link org.hprofdiff.index.table.IdIndex}),
 * object positions in the dump, outbound and inbound edges, GC roots, threads, the class table
 * ({@link org.hprofdiff.index.table.ClassTable}), the stored summary, single objects' field values
 * ({@link org.hprofdiff.index.table.ObjectFields}), and the verifier that checks them all. What each file holds and
 * how it is laid out: docs/index-format.md. The analyses over them are in {@code graph}.
 */
package org.hprofdiff.index.table;
