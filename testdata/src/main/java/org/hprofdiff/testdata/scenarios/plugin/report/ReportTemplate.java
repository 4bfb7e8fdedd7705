package org.hprofdiff.testdata.scenarios.plugin.report;

/** One report layout the plugin keeps in memory: a name and the layout's bytes. */
public final class ReportTemplate {

    private final String name;
    private final byte[] layout;

    ReportTemplate(String name, int bytes) {
        this.name = name;
        this.layout = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            layout[i] = (byte) ('a' + i % 26);
        }
    }

    public String name() {
        return name;
    }

    public int length() {
        return layout.length;
    }

    /** A checksum of the layout: something to compute that reads every byte. */
    int checksum() {
        int sum = 0;
        for (byte b : layout) {
            sum = 31 * sum + b;
        }
        return sum;
    }
}
