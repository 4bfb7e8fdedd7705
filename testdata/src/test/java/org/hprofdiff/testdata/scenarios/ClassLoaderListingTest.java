package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassLoaderListingTest {

    /** Cut from a JDK 17.0.15 listing: folded tree, hidden classes, a reflection loader's annotated entry. */
    private static final String JDK17 = """
            +-- <bootstrap>
                  |
                  |               Classes: java.lang.Object
                  |                        java.lang.String
                  |                        (2 classes)
                  |
                  |        Hidden Classes: java.lang.invoke.LambdaForm$MH/0x00007fa0d0146800
                  |                        java.lang.invoke.LambdaForm$DMH/0x00007fa0d0147000
                  |                        (2 hidden classes)
                  +-- "platform", jdk.internal.loader.ClassLoaders$PlatformClassLoader
                  |     |
                  |     |               Classes: java.sql.DriverManager
                  |     |                        (1 class)
                  |     |
                  |     +-- "report-plugin-v1", java.net.URLClassLoader
                  |     |
                  |     |                     Classes: pl.P
                  |     |                              pl.P$Q
                  |     |                              (2 classes)
                  |     |
                  |     +-- java.net.URLClassLoader
                  |                           Classes: pl.P
                  |                                    (1 class)
                  +-- jdk.internal.reflect.DelegatingClassLoader

                            Classes: jdk.internal.reflect.GeneratedConstructorAccessor1 (invokes: java/lang/management/ManagementPermission::<init> (Ljava/lang/String;)V)
                                     (1 class)
            """;

    @Test
    void readsNamesTypesAndClasses() {
        ClassLoaderListing listing = ClassLoaderListing.parse(JDK17);
        assertEquals(5, listing.loaders().size());
        assertEquals(new ClassLoaderListing.Loader("<bootstrap>", "", List.of("java.lang.Object", "java.lang.String"), 2),
                listing.loaders().get(0));
        assertEquals(new ClassLoaderListing.Loader("platform", "jdk.internal.loader.ClassLoaders$PlatformClassLoader",
                List.of("java.sql.DriverManager"), 0), listing.loaders().get(1));
        List<ClassLoaderListing.Loader> plugins = listing.ofType("java.net.URLClassLoader");
        assertEquals(List.of("report-plugin-v1", ""), plugins.stream().map(ClassLoaderListing.Loader::name).toList());
        assertEquals(List.of("pl.P", "pl.P$Q"), plugins.get(0).classes());
        assertEquals(List.of("jdk.internal.reflect.GeneratedConstructorAccessor1"), listing.loaders().get(4).classes());
    }

    @Test
    void rejectsACountThatDisagreesWithTheEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassLoaderListing.parse(JDK17.replaceFirst("\\(2 classes\\)", "(3 classes)")));
        assertTrue(e.getMessage().startsWith("line 5: says 3 classes, 2 listed"), e.getMessage());
    }

    @Test
    void rejectsTextWithoutLoaders() {
        assertThrows(IllegalArgumentException.class, () -> ClassLoaderListing.parse("Total 12\n"));
    }
}
