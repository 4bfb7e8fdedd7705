package org.hprofdiff.core.summary.diff.failon;

import static org.hprofdiff.core.summary.diff.Summaries.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailOnTest {

    /**
     * Three dumps 12 h apart. Conn grows steadily by 200 objects (64 B each) per interval; Buffer by 100
     * (8 KB each); String goes up 3,000 and down 1,000: noise that ends 2,000 higher.
     */
    private static GrowthReport report(long secondDumpHour) {
        return GrowthAnalysis.analyze(List.of(
                dump("1", 0).cls("com.acme.Conn", 400, 64).cls("com.acme.Buffer", 100, 8192).cls("java.lang.String", 10_000, 24).build(),
                dump("2", secondDumpHour).cls("com.acme.Conn", 600, 64).cls("com.acme.Buffer", 200, 8192).cls("java.lang.String", 13_000, 24).build(),
                dump("3", 24).cls("com.acme.Conn", 800, 64).cls("com.acme.Buffer", 300, 8192).cls("java.lang.String", 12_000, 24).build()));
    }

    private static FailOnResult check(String... options) {
        return FailOn.parse(List.of(options)).evaluate(report(12));
    }

    @Test
    void countIsCheckedAgainstSteadyGrowersOnly() {
        // String grew by 2,000 first to last, but it is noise: only Conn (+400) breaches +300.
        FailOnResult result = check("count:+300");
        assertEquals(List.of("count:+300: com.acme.Conn +400 objects (400 → 800), more than +300"),
                result.breaches().stream().map(Breach::line).toList());
        assertTrue(result.failed());
        assertFalse(check("count:+400").failed(), "more than is strict");
    }

    @Test
    void bytes() {
        // Buffer: 200 x 8192 = 1,638,400 B = 1.5625 MB; Conn: 25,600 B.
        assertEquals(List.of("bytes:+1MB: com.acme.Buffer +1.6 MB shallow (800.0 KB → 2.3 MB), more than +1.0 MB"),
                check("bytes:+1MB").breaches().stream().map(Breach::line).toList());
        assertEquals(2, check("bytes:+25000").breaches().size());
        assertFalse(check("bytes:+1.6MB").failed());
    }

    @Test
    void percentOfTheFirstDumpsBytes() {
        // Conn 400 -> 800 is +100 %, Buffer 100 -> 300 is +200 %.
        assertEquals(List.of("com.acme.Buffer"), check("percent:+150").breaches().stream().map(Breach::label).toList());
        assertEquals(2, check("percent:+99.5%").breaches().size());
    }

    @Test
    void ratesPerHourFromTheTimestamps() {
        // Over 24 h: Conn +400/24 = 16.7 objects/h; Buffer +1,638,400 B / 24 h = 66.7 KB/h.
        assertEquals(List.of("rate:+50KB/h: com.acme.Buffer +66.7 KB/h shallow, more than +50.0 KB/h"),
                check("rate:+50KB/h").breaches().stream().map(Breach::line).toList());
        // Objects per hour: Conn 16.7, Buffer 200 / 24 = 8.3.
        assertEquals(List.of("com.acme.Conn"), check("rate:+10/h").breaches().stream().map(Breach::label).toList());
        assertEquals(List.of("com.acme.Buffer", "com.acme.Conn"), check("rate:+0.1/min").breaches().stream().map(Breach::label).toList());
        assertFalse(check("rate:+1.6MB/d").failed(), "1,638,400 B per day is not more than 1.6 MB per day");
    }

    @Test
    void rateIsUncheckedWithoutTimestamps() {
        GrowthReport noRate = report(0); // dump 2 has dump 1's timestamp
        FailOnResult result = FailOn.parse(List.of("rate:+1KB/h", "count:+300")).evaluate(noRate);
        assertEquals(List.of("rate:+1KB/h: not checked, no growth rate: dump 1 (1) and dump 2 (2) have the same timestamp"),
                result.unchecked());
        assertEquals(1, result.breaches().size());
    }

    @Test
    void classRegexMatchesSteadyGrowersOnly() {
        assertEquals(List.of("class:Conn$: com.acme.Conn grows steadily (+400 objects, +25.0 KB) and matches /Conn$/"),
                check("class:Conn$").breaches().stream().map(Breach::line).toList());
        assertFalse(check("class:String").failed(), "String is noise, not a steady grower");
    }

    @Test
    void specsCombineAcrossOptionsAndCommas() {
        FailOn failOn = FailOn.parse(List.of("count:+1000, bytes:+50MB", "class:^com\\.acme\\.(A|B){1,2}", "percent:+20"));
        assertEquals(List.of("count:+1000", "bytes:+50MB", "class:^com\\.acme\\.(A|B){1,2}", "percent:+20"),
                failOn.thresholds().stream().map(Threshold::spec).toList());
        assertEquals(1000, assertInstanceOf(Threshold.InstanceGrowth.class, failOn.thresholds().get(0)).instances());
        assertEquals(50L << 20, assertInstanceOf(Threshold.ByteGrowth.class, failOn.thresholds().get(1)).bytes());
        assertEquals("^com\\.acme\\.(A|B){1,2}",
                assertInstanceOf(Threshold.SteadyGrowerMatching.class, failOn.thresholds().get(2)).pattern().pattern());
        assertEquals(20.0, assertInstanceOf(Threshold.PercentGrowth.class, failOn.thresholds().get(3)).percent());
        // Any breach fails: Buffer matches the regex ("B"), and Conn and Buffer both grew more than 20 %.
        assertEquals(List.of("class:^com\\.acme\\.(A|B){1,2}", "percent:+20", "percent:+20"),
                failOn.evaluate(report(12)).breaches().stream().map(Breach::spec).toList());
    }

    @Test
    void rateUnits() {
        Threshold.RateGrowth bytes = assertInstanceOf(Threshold.RateGrowth.class, FailOn.parseOne("rate:+10MB/h"));
        assertEquals(Threshold.RateGrowth.Metric.SHALLOW_BYTES, bytes.metric());
        assertEquals(10.0 * (1 << 20), bytes.perHour());
        Threshold.RateGrowth perDay = assertInstanceOf(Threshold.RateGrowth.class, FailOn.parseOne("rate:+2400/d"));
        assertEquals(Threshold.RateGrowth.Metric.INSTANCES, perDay.metric());
        assertEquals(100.0, perDay.perHour(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "count:+1.5       | --fail-on \"count:+1.5\": expected a whole number of instances, e.g. count:+1000",
            "count:-10        | --fail-on \"count:-10\": expected a whole number of instances, e.g. count:+1000",
            "bytes:+5XB       | --fail-on \"bytes:+5XB\": unknown size unit \"XB\"; expected B, KB, MB, GB or TB",
            "bytes:lots       | --fail-on \"bytes:lots\": expected a size, e.g. bytes:+50MB",
            "percent:+x       | --fail-on \"percent:+x\": expected a percentage, e.g. percent:+20",
            "rate:+10MB       | --fail-on \"rate:+10MB\": expected a rate, e.g. rate:+10MB/h (bytes) or rate:+500/h (instances)",
            "rate:+10MB/week  | --fail-on \"rate:+10MB/week\": unknown time unit \"/week\"; expected /s, /min, /h or /d",
            "class:           | --fail-on \"class:\": expected a regular expression after class:",
            "class:(unclosed  | --fail-on \"class:(unclosed\": not a regular expression: Unclosed group near index 9",
            "size:+10         | --fail-on \"size:+10\": unknown kind \"size\"; expected count, bytes, percent, rate or class",
            "1000             | --fail-on \"1000\": expected KIND:VALUE with KIND one of count, bytes, percent, rate or class",
    })
    void badSpecsSayWhatWasExpected(String spec, String message) {
        assertEquals(message, assertThrows(FailOnSpecException.class, () -> FailOn.parse(List.of(spec))).getMessage());
    }

    @Test
    void emptyPieceBetweenCommas() {
        assertEquals("--fail-on \"count:+1,,bytes:+1\": empty spec between commas",
                assertThrows(FailOnSpecException.class, () -> FailOn.parse(List.of("count:+1,,bytes:+1"))).getMessage());
    }

    @Test
    void noThresholdsNeverFail() {
        FailOnResult result = FailOn.parse(List.of()).evaluate(report(12));
        assertFalse(result.failed());
        assertEquals(List.of(), result.unchecked());
    }
}
