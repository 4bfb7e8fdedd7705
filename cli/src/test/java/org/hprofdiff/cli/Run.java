package org.hprofdiff.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process, as a script would (no terminal), and keeps what it printed. */
final class Run {
    private Run() {}

    record Result(int code, String out, String err) {
        /** The answer: stdout's lines above the list of dumps ("N dumps over ..."). */
        java.util.List<String> answerLines() {
            java.util.List<String> above = new java.util.ArrayList<>();
            for (String line : out.lines().toList()) {
                if (line.matches("\\d+ dumps over .*")) break;
                above.add(line);
            }
            return above;
        }

        /** stderr's lines, for checking that an error is exactly one line. */
        java.util.List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result main(String... args) {
        return main(Map.of(), args);
    }

    static Result main(Map<String, String> env, String... args) {
        return main(false, env, args);
    }

    /** As if at a terminal ({@code interactive}) or not, with these environment variables. */
    static Result main(boolean interactive, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Io(new PrintWriter(out, true), new PrintWriter(err, true), interactive, env), args);
        return new Result(code, out.toString(), err.toString());
    }
}
