package org.hprofdiff.testdata.scenarios.plugin;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.hprofdiff.testdata.scenarios.ExpectedCount;

/**
 * {@code class-cache}: the host exports each version's {@code ReportSummary} bean as JSON through its
 * {@code static final ObjectMapper} ({@link ReportExports#JSON}, Jackson). Jackson caches a serializer
 * per bean class (its {@code SerializerCache}, keyed by the class) and the bean's type (its
 * {@code TypeFactory} cache): a static cache keyed by {@code Class} objects, so each version's class,
 * so its loader, stays. Fix: the host empties both caches on undeploy.
 */
final class SerializerCache implements Pinning {

    static final String SUMMARY = Pinning.pluginClass("ReportSummary");
    static final String BEAN_SERIALIZER = "com.fasterxml.jackson.databind.ser.BeanSerializer";

    @Override
    public String entryClass() {
        return Pinning.pluginClass("ExportReportPlugin");
    }

    @Override
    public List<String> otherDefinedClasses() {
        return List.of(SUMMARY);
    }

    @Override
    public List<String> otherClassesWithInstances() {
        return List.of();
    }

    @Override
    public void use(PluginVersion version) {
        ReportExports.export(version.call("summary"));
    }

    @Override
    public void fix(PluginVersion version) {
        ReportExports.forgetTypes();
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds, boolean leak, IntToLongFunction keptVersions) {
        return List.of(
                ExpectedCount.exact(BEAN_SERIALIZER, leak, rounds, keptVersions),
                ExpectedCount.exact(SUMMARY, false, rounds, r -> 0));
    }
}
