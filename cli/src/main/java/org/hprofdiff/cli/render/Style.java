package org.hprofdiff.cli.render;

/** Emphasis in text output: ANSI colour on a terminal, nothing otherwise. */
public record Style(boolean colour) {
    public static final Style PLAIN = new Style(false);

    public String bold(String s) { return wrap("1", s); }

    public String dim(String s) { return wrap("2", s); }

    /** Something that needs attention: a partial dump, a breach, a steady grower. */
    public String bad(String s) { return wrap("31", s); }

    public String warn(String s) { return wrap("33", s); }

    public String good(String s) { return wrap("32", s); }

    private String wrap(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
