/**
 * The graph commands' questions to one dump's analysis, answered as typed results (records of ordinals, class
 * indexes, bytes and path nodes): the largest dominators ({@link org.hprofdiff.index.query.LargestDominators}), the
 * leak suspects with their paths ({@link org.hprofdiff.index.query.SuspectsWithPaths}), the merged paths of the
 * classes a pattern matches, cut for display ({@link org.hprofdiff.index.query.ClassPaths}), retained bytes per
 * histogram row and group ({@link org.hprofdiff.index.query.RetainedSums}) and the heap's totals
 * ({@link org.hprofdiff.index.query.HeapTotals}). The command line's reports name the objects and put the words.
 */
package org.hprofdiff.index.query;
