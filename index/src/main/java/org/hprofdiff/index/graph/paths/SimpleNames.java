package org.hprofdiff.index.graph.paths;

/**
 * Class names as paths show them: without the package, but with every enclosing class, so a reader can search
 * for the name ({@code IdleConnectionReaper$ReaperTask}, {@code ConcurrentHashMap$Node[]}); a lambda or other
 * hidden class names the class it was made in ({@code Foo$$Lambda}), without the address the JVM appends.
 */
final class SimpleNames {
    private SimpleNames() {}

    static String simple(String javaName) {
        int arrays = javaName.indexOf('[');
        String base = arrays < 0 ? javaName : javaName.substring(0, arrays);
        String dims = arrays < 0 ? "" : javaName.substring(arrays);
        base = base.substring(base.lastIndexOf('.') + 1);
        int lambda = base.indexOf("$$Lambda");
        if (lambda >= 0) base = base.substring(0, lambda + "$$Lambda".length());
        return base + dims;
    }

    /** {@code com.example.Reaper$Task.run} → {@code Reaper$Task.run}. */
    static String simpleMethod(String method) {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? method : simple(method.substring(0, dot)) + method.substring(dot);
    }
}
