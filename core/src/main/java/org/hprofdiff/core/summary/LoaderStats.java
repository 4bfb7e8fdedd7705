package org.hprofdiff.core.summary;

/**
 * The class loaders of one loader class that define classes in a dump, and how many classes they define: a
 * plugin host that leaks a {@code URLClassLoader} per redeploy shows here as a count that keeps growing, even
 * when no instance of the plugin's classes does.
 *
 * @param loaderClass  the loader objects' class, Java form ({@code java.net.URLClassLoader})
 * @param loaders      loader objects of that class that define at least one class of the dump
 * @param classes      classes those loaders define
 */
public record LoaderStats(String loaderClass, long loaders, long classes) {}
