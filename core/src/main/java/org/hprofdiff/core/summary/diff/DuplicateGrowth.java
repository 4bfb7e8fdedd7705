package org.hprofdiff.core.summary.diff;

/**
 * A class name defined by more than one loader in the newest dump (Eclipse MAT's "duplicate classes"), with how
 * the number of loaders that define it moved across the series.
 *
 * @param name     Java form
 * @param loaders  loaders that define a class of that name, per dump
 */
public record DuplicateGrowth(String name, MetricChange loaders) {}
