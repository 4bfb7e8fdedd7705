package org.hprofdiff.testdata.scenarios.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plugin host's JSON export: one mapper for the whole host, as Jackson recommends. */
final class ReportExports {

    /** Shared and never replaced; its caches are keyed by the classes it has serialised. */
    static final ObjectMapper JSON = new ObjectMapper();

    private ReportExports() {
    }

    static String export(Object bean) {
        try {
            return JSON.writeValueAsString(bean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot export " + bean.getClass().getName(), e);
        }
    }

    /** Empties the mapper's serializer and type caches, so it keeps no class of an undeployed plugin. */
    static void forgetTypes() {
        JSON.getSerializerProvider().flushCachedSerializers();
        JSON.getTypeFactory().clearCache();
    }
}
