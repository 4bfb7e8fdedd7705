package org.hprofdiff.cli.report;

/**
 * What a command produces: data only. Renderers (one per output format) turn a report into text; a
 * new report type makes every renderer's switch fail to compile until it handles it.
 */
public sealed interface Report permits HistogramReport, InfoReport, DiffReport, DemoReport, GraphReport {

    /** Name of the report in JSON output ({@code "report": "histogram"}). */
    String kind();

    /** Warnings the reader of the report must see (partial dump, skipped data), one line each. */
    java.util.List<String> warnings();
}
