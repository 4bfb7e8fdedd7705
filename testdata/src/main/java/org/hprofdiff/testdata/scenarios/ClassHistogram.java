package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code GC.class_histogram} ({@code jcmd <pid> GC.class_histogram}, or the
 * {@code gcClassHistogram} operation of the {@code DiagnosticCommand} MBean, which runs the same
 * code), parsed. The same layout is printed by JDK 9 to 25:
 *
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         11104         580408  [B (java.base@25.0.3)
 *  291:             3             80  [Lcom.example.Foo;
 * 1089:             1             16  sun.util.logging.internal.LoggingProviderImpl (java.logging@25.0.3)
 * Total         43386        2022104
 * </pre>
 *
 * The module column is absent for classes of the unnamed module (the class path) and on JDK 8.
 * Class names are printed in the JVM's external form, the same as {@link Class#getName()}:
 * {@code java.util.HashMap$Node}, {@code [Ljava.util.HashMap$Node;}, {@code [B}; hidden classes as
 * {@code Foo$$Lambda/0x0000000039040c00} (JDK 17 also puts a counter in: {@code Foo$$Lambda$21/0x...}).
 * (HPROF dumps name hidden classes with {@code +} instead: {@code Foo$$Lambda+0x0000000039040c00}.)
 * Two classes of the same name from different loaders are two rows. On JDK 25 with G1 the rows
 * include {@code [Ljdk.internal.vm.FillerElement;}, dead filler space that dumps do not contain.
 *
 * @param rows           in printed order (descending bytes)
 * @param totalInstances the {@code Total} line's instance count
 * @param totalBytes     the {@code Total} line's byte count
 */
public record ClassHistogram(List<Row> rows, long totalInstances, long totalBytes) {

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S.*?)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern HEADER = Pattern.compile("^\\s*num\\s+#instances\\s+#bytes\\s+class name.*$|^-+$|^\\s*$");

    /**
     * One class's line.
     *
     * @param className the name exactly as printed (see {@link ClassHistogram})
     * @param module    the module column without parentheses ({@code java.base@25.0.3}), or "" when absent
     */
    public record Row(int rank, long instances, long bytes, String className, String module) {

        /** The class in Java form: {@code java.util.HashMap$Node[]}, {@code byte[]}. */
        public String javaName() {
            return ClassHistogram.javaName(className);
        }
    }

    public ClassHistogram {
        rows = List.copyOf(rows);
    }

    /** Reads and parses a histogram file (UTF-8). */
    public static ClassHistogram read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses histogram text.
     *
     * @throws IllegalArgumentException naming the line, when a line is neither header, row nor
     *                                  total, or when the {@code Total} line is missing (a truncated file)
     */
    public static ClassHistogram parse(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(row(row));
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.matches()) {
                return new ClassHistogram(rows, Long.parseLong(total.group(1)), Long.parseLong(total.group(2)));
            }
            if (!HEADER.matcher(line).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected a histogram row"
                        + " ('<rank>: <instances> <bytes> <class> [(module)]') or 'Total', found: " + line);
            }
        }
        throw new IllegalArgumentException("no 'Total' line after " + rows.size() + " rows (truncated histogram?)");
    }

    private static Row row(Matcher m) {
        String nameAndModule = m.group(4);
        String name = nameAndModule;
        String module = "";
        int open = nameAndModule.lastIndexOf(" (");
        if (open > 0 && nameAndModule.endsWith(")")) {
            name = nameAndModule.substring(0, open);
            module = nameAndModule.substring(open + 2, nameAndModule.length() - 1);
        }
        return new Row(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), name, module);
    }

    /** The rows for {@code className} as printed (several when loaders clash), in printed order. */
    public List<Row> rows(String className) {
        return rows.stream().filter(r -> r.className().equals(className)).toList();
    }

    /** The first row for {@code className} as printed. */
    public Optional<Row> row(String className) {
        return rows.stream().filter(r -> r.className().equals(className)).findFirst();
    }

    /** Instances of all classes printed as {@code className}; 0 when none is live. */
    public long instances(String className) {
        return rows(className).stream().mapToLong(Row::instances).sum();
    }

    /** Bytes of all classes printed as {@code className}; 0 when none is live. */
    public long bytes(String className) {
        return rows(className).stream().mapToLong(Row::bytes).sum();
    }

    /**
     * Converts a printed (external, {@link Class#getName()}) class name to Java form:
     * {@code [B} → {@code byte[]}, {@code [[I} → {@code int[][]},
     * {@code [Ljava.util.HashMap$Node;} → {@code java.util.HashMap$Node[]}; other names unchanged.
     */
    public static String javaName(String printedName) {
        int dims = 0;
        while (dims < printedName.length() && printedName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == printedName.length()) {
            return printedName;
        }
        String element = printedName.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1)
                    : null;
        };
        return base == null ? printedName : base + "[]".repeat(dims);
    }
}
