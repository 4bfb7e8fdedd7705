package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Files around the code that must stay true to it: the README's commands, docs/cli.md (every command and
 * option), CI's script, and the build's resource filtering.
 */
class ProjectFilesTest {
    private static final Path ROOT = Path.of("..");

    private static CommandLine commandLine() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Map.of());
        return Main.commandLine(io, new Errors(io));
    }

    /** The commands users run, without picocli's own 'help'. */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new java.util.LinkedHashMap<>(commandLine().getSubcommands());
        all.remove("help");
        return all;
    }

    @Test
    void readmeStartsWithTheTwoCommandsAndNamesEveryCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("(?s)```\\n(.*?)```").matcher(readme);
        assertTrue(block.find());
        assertEquals("./hprof-diff demo\n./build verify\n", block.group(1), "the first code block is exactly the two commands");
        for (String name : commands().keySet()) {
            assertTrue(readme.contains("### `hprof-diff " + name), "README.md has no section for " + name);
        }
    }

    @Test
    void cliDocsDescribeEveryCommandAndOption() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/cli.md"));
        List<String> missing = new ArrayList<>();
        Map<String, CommandSpec> specs = new java.util.LinkedHashMap<>();
        specs.put("hprof-diff", commandLine().getCommandSpec());
        commands().forEach((name, cl) -> specs.put(name, cl.getCommandSpec()));
        specs.forEach((name, spec) -> {
            // the default command is diff under no name: one section serves both
            String heading = "## `hprof-diff " + (name.equals("hprof-diff") ? "diff" : name);
            int at = doc.indexOf(heading);
            if (at < 0) {
                missing.add("section " + heading);
                return;
            }
            int end = doc.indexOf("\n## ", at + 1);
            String section = doc.substring(at, end < 0 ? doc.length() : end);
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                if (!section.contains("`" + o.longestName()) && !sharedOptionDocumented(doc, o)) missing.add(name + " " + o.longestName());
            }
        });
        assertEquals(List.of(), missing, "docs/cli.md lacks these");
        for (ExitCode c : ExitCode.values()) {
            assertTrue(Pattern.compile("(?m)^\\| *" + c.code + " *\\| *`" + c.name() + "` *\\|").matcher(doc).find(), "docs/cli.md: exit code " + c);
        }
    }

    /** Options several commands share are described once, in a section of their own ("## Options ..."). */
    private static boolean sharedOptionDocumented(String doc, OptionSpec o) {
        for (int at = doc.indexOf("\n## Options"); at >= 0; at = doc.indexOf("\n## Options", at + 1)) {
            int end = doc.indexOf("\n## ", at + 1);
            if (doc.substring(at, end < 0 ? doc.length() : end).contains("`" + o.longestName())) return true;
        }
        return false;
    }

    @Test
    void ciRunsTheReadmesTestCommandAfterAnInstallThatMayFail(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        int verify = lines.indexOf("./build verify");
        assertTrue(verify >= 0, "CI runs exactly the README's test command: " + lines);
        // then the release archive, built and run as a user meets it (README, "Install")
        assertEquals(List.of("./build dist", "scripts/check-dist.sh dist/hprof-diff-*-linux-x64.tar.gz"), lines.subList(verify + 1, lines.size()));
        List<String> install = lines.stream().filter(l -> l.contains("install-chromium.sh")).toList();
        assertEquals(1, install.size(), lines::toString);
        assertTrue(lines.indexOf(install.getFirst()) < verify, "Chromium is installed before the build");

        // Where neither Chromium nor apt-get can be found, the install step fails and CI goes on, saying why.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "id")) Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        ProcessBuilder bare = new ProcessBuilder("/bin/bash", "-c", "set -euo pipefail; " + install.getFirst() + "; echo went-on")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        bare.environment().put("PATH", bin.toString());
        Process q = bare.start();
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, q.exitValue(), out);
        assertTrue(out.contains("install-chromium: chromium is missing and cannot be installed here"), out);
        assertTrue(out.contains("the HTML report's browser check will be skipped"), out);
        assertTrue(out.strip().endsWith("went-on"), out);
    }

    /** Only the version file is filtered: the HTML report's script and style sheet are copied byte for byte. */
    @Test
    void onlyTheVersionFileIsFiltered() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("cli/pom.xml").toFile());
        NodeList resources = pom.getElementsByTagName("resource");
        int filtered = 0;
        for (int i = 0; i < resources.getLength(); i++) {
            Element r = (Element) resources.item(i);
            if (!"true".equals(text(r, "filtering"))) continue;
            filtered++;
            NodeList includes = r.getElementsByTagName("include");
            assertEquals(1, includes.getLength(), "a filtered resource names its one file");
            assertEquals("hprof-diff-version.properties", includes.item(0).getTextContent());
        }
        assertEquals(1, filtered);
        try (InputStream in = Main.class.getResourceAsStream("/hprof-diff-version.properties")) {
            String version = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(version.contains("${"), "the version file is filtered: " + version);
        }
        for (String name : List.of("report.js", "report.css")) {
            try (InputStream in = Main.class.getResourceAsStream("/org/hprofdiff/cli/render/html/" + name)) {
                byte[] source = Files.readAllBytes(Path.of("src/main/resources/org/hprofdiff/cli/render/html", name));
                assertEquals(new String(source, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            }
        }
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }
}
