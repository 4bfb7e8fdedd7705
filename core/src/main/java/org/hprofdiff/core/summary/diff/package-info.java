/**
 * Growth analysis over a series of 2..N dumps of one program: {@link org.hprofdiff.core.summary.diff.GrowthAnalysis}
 * turns a list of {@link org.hprofdiff.core.summary.DumpSummary} values into a {@link org.hprofdiff.core.summary.diff.GrowthReport}
 * that renderers consume directly; {@link org.hprofdiff.core.summary.diff.failon.FailOn} checks a report against CI thresholds.
 *
 * <p>Rows are aligned across dumps by class key (name + defining loader) and, for long object arrays, by
 * class and length; never by object id, because ids are addresses that move between dumps. The rules and
 * thresholds are described in {@code docs/growth-analysis.md}.
 */
package org.hprofdiff.core.summary.diff;
