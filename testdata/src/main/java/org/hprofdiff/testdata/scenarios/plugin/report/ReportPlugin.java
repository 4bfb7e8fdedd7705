package org.hprofdiff.testdata.scenarios.plugin.report;

import java.util.HashMap;
import java.util.Map;

/**
 * What every version of the report plugin is: a class whose static {@link #TEMPLATES} cache keeps
 * {@value #TEMPLATE_COUNT} templates of {@value #TEMPLATE_BYTES} bytes, so a loader that cannot be
 * unloaded keeps visible data. Subclasses are the entry points of the scenarios, one pinning mechanism
 * each. The host's contract (by reflection): a public no-argument constructor, {@link #start()},
 * {@link #render(String)}, and the methods a subclass adds.
 */
public abstract class ReportPlugin {

    /** Templates in {@link #TEMPLATES}. */
    public static final int TEMPLATE_COUNT = 8;
    /** Bytes of each template's layout. */
    public static final int TEMPLATE_BYTES = 4096;
    /** Name of the first template, {@code report-0}; the others count on. */
    public static final String FIRST_TEMPLATE = "report-0";

    /** The plugin's own static cache, filled when the class initialises: a HashMap of 32 KB of layouts. */
    static final Map<String, ReportTemplate> TEMPLATES = new HashMap<>();

    static {
        for (int i = 0; i < TEMPLATE_COUNT; i++) {
            String name = "report-".concat(Integer.toString(i));
            TEMPLATES.put(name, new ReportTemplate(name, TEMPLATE_BYTES));
        }
    }

    /** Called by the host once, after the constructor, with the plugin's loader as the thread's context loader. */
    public void start() throws Exception {
    }

    /** Renders the report {@code name} into a line of text. */
    public String render(String name) throws Exception {
        ReportTemplate template = template(name);
        return template.name().concat(": ").concat(Integer.toString(template.checksum()));
    }

    static ReportTemplate template(String name) {
        ReportTemplate template = TEMPLATES.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no report template '".concat(name).concat("'"));
        }
        return template;
    }
}
