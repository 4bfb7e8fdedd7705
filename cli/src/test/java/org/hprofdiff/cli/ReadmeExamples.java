package org.hprofdiff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's example outputs, made by running their commands. An example is a fenced block right after a
 * marker line {@code <!-- example -->}; its lines that start with {@code $ } are commands, everything else is what
 * they printed. The commands of all blocks run in README order in one folder (the first block runs the demo with
 * {@code --keep demo-dumps}, the others use its dumps), each block in one bash, stdout and stderr together as a
 * terminal shows them, with {@code hprof-diff} standing for this build. The folder appears as {@code /tmp}, in
 * commands ({@code cd /tmp}) and in output. A marker may name files to copy into the folder first
 * ({@code <!-- example files=../shared/dumps/x.phd -->}, paths from the repository root).
 *
 * <p>{@code scripts/readme-examples.sh} writes the outputs into README.md; {@link ReadmeExamplesTest} (in CI) checks
 * that README.md shows what the commands print now, up to what varies from run to run ({@link #mask}).
 */
final class ReadmeExamples {
    private static final Pattern MARKER = Pattern.compile("^<!-- example(?:\\s+files=(?<files>\\S+))?\\s*-->$");
    private static final String FENCE = "```";
    private static final String SHOWN_FOLDER = "/tmp";

    private ReadmeExamples() {}

    /** One example: where its fenced block is in the README (line indices of the fences) and what it holds. */
    record Block(int open, int close, List<String> files, List<String> lines) {
        List<String> commands() {
            return lines.stream().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2)).toList();
        }
    }

    static List<Block> blocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher m = MARKER.matcher(readme.get(i));
            if (!m.matches()) continue;
            int open = i + 1;
            if (open >= readme.size() || !readme.get(open).startsWith(FENCE)) {
                throw new IllegalArgumentException("README.md line " + (i + 1) + ": an example marker must be followed by a ``` block");
            }
            int close = open + 1;
            while (close < readme.size() && !readme.get(close).equals(FENCE)) close++;
            if (close == readme.size()) throw new IllegalArgumentException("README.md line " + (open + 1) + ": the block is not closed");
            List<String> files = m.group("files") == null ? List.of() : List.of(m.group("files").split(","));
            blocks.add(new Block(open, close, files, List.copyOf(readme.subList(open + 1, close))));
            i = close;
        }
        return blocks;
    }

    /**
     * Runs every block's commands in {@code folder}; per block, the lines it should show now, or null when a file
     * it needs is absent (the sample dumps in ../shared are not part of a clone).
     */
    static List<List<String>> run(Path root, List<Block> blocks, Path folder) throws IOException, InterruptedException {
        List<List<String>> shown = new ArrayList<>();
        for (Block b : blocks) {
            List<Path> sources = b.files().stream().map(root::resolve).toList();
            if (!sources.stream().allMatch(Files::isReadable)) {
                shown.add(null);
                continue;
            }
            for (Path source : sources) {
                Files.copy(source, folder.resolve(source.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            shown.add(runBlock(b.commands(), folder));
        }
        return shown;
    }

    /** One bash for the block's commands, so {@code echo $?} sees the command before it. */
    private static List<String> runBlock(List<String> commands, Path folder) throws IOException, InterruptedException {
        String separator = "@@readme-example-" + System.nanoTime() + "@@";
        StringBuilder script = new StringBuilder();
        script.append("hprof-diff() { \"$HD_JAVA\" --enable-native-access=ALL-UNNAMED -cp \"$HD_CLASSPATH\" org.hprofdiff.cli.Main \"$@\"; }\n");
        script.append("cd \"$HD_FOLDER\"\n");
        for (String c : commands) {
            // the separator must not change $? for a command like 'echo $?'
            script.append("__hd_status=$?; echo '").append(separator).append("'; (exit $__hd_status)\n");
            script.append(c.replace("cd " + SHOWN_FOLDER, "cd \"$HD_FOLDER\"")).append('\n');
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        pb.environment().put("HD_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("HD_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("HD_FOLDER", folder.toString());
        pb.environment().remove("HPROF_DIFF_INDEX_DIR");
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("README example commands did not finish: " + commands);
        }
        String text = new String(out, StandardCharsets.UTF_8).replace(folder.toString(), SHOWN_FOLDER);
        List<String> lines = new ArrayList<>();
        int command = -1;
        for (String line : text.split("\n", -1)) {
            if (line.equals(separator)) {
                trimTrailingBlanks(lines);
                lines.add("$ " + commands.get(++command));
            } else if (command >= 0) {
                lines.add(line.stripTrailing());
            }
        }
        trimTrailingBlanks(lines);
        return lines;
    }

    private static void trimTrailingBlanks(List<String> lines) {
        while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
    }

    /** The README with each block's lines replaced by {@code shown} (a null leaves the block as it is). */
    static List<String> rewrite(List<String> readme, List<Block> blocks, List<List<String>> shown) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            out.addAll(readme.subList(at, b.open() + 1));
            out.addAll(shown.get(i) != null ? shown.get(i) : b.lines());
            at = b.close();
        }
        out.addAll(readme.subList(at, readme.size()));
        return out;
    }

    /**
     * A line as far as it must not change from run to run: every number (counts, bytes, times, rates, versions,
     * timestamps) and object id is {@code #}, a size unit after a number is {@code U} (8.4 MB and 980 KB are the same
     * shape), and runs of spaces are one (tables align to their widest number).
     */
    static String mask(String line) {
        String s = line.replaceAll("0x[0-9a-f]+", "0x#");
        s = s.replaceAll("[0-9][0-9,]*(?:\\.[0-9]+)?", "#");
        s = s.replaceAll("# (?:B|KB|MB|GB|TB)\\b", "# U");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** {@code scripts/readme-examples.sh}: regenerates README.md's examples in place. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        Path readmeFile = root.resolve("README.md");
        List<String> readme = Files.readAllLines(readmeFile);
        List<Block> blocks = blocks(readme);
        Path folder = Files.createTempDirectory("hprof-diff-readme-");
        try {
            List<List<String>> shown = run(root, blocks, folder);
            Files.write(readmeFile, rewrite(readme, blocks, shown));
            System.out.println("readme-examples: " + blocks.size() + " examples written into " + readmeFile);
        } finally {
            ReaperDumps.delete(folder);
        }
    }
}
