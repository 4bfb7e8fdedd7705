package org.hprofdiff.core.summary.diff;

/**
 * One merged retention path's numbers in one dump.
 *
 * @param present        the path exists in that dump
 * @param instances      objects of the row's class reached through this path
 * @param retainedBytes  bytes retained through it, or null when unknown
 */
public record PathSample(boolean present, long instances, Long retainedBytes) {}
