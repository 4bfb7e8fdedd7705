/**
 * CI thresholds ({@code --fail-on}): {@link org.hprofdiff.core.summary.diff.failon.FailOn#parse} reads the
 * specs, {@link org.hprofdiff.core.summary.diff.failon.FailOn#evaluate} checks a growth report and returns
 * one line per breach. Exit codes are the command line's business.
 */
package org.hprofdiff.core.summary.diff.failon;
