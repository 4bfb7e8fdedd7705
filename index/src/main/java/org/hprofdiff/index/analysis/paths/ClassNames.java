package org.hprofdiff.index.analysis.paths;

/** Short class names for display: {@code java.util.concurrent.ConcurrentHashMap$Node[]} → {@code Node[]}. */
final class ClassNames {
    private ClassNames() {}

    static String simple(String javaName) {
        int arrays = javaName.indexOf('[');
        String base = arrays < 0 ? javaName : javaName.substring(0, arrays);
        String dims = arrays < 0 ? "" : javaName.substring(arrays);
        base = base.substring(base.lastIndexOf('.') + 1);
        int nested = base.lastIndexOf('$');
        // keep the outer name for anonymous and numbered classes: Foo$1 stays Foo$1
        if (nested >= 0 && nested + 1 < base.length() && !Character.isDigit(base.charAt(nested + 1))) base = base.substring(nested + 1);
        return base + dims;
    }

    /** {@code com.example.ReaperTask.run} → {@code ReaperTask.run}. */
    static String simpleMethod(String method) {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? method : simple(method.substring(0, dot)) + method.substring(dot);
    }
}
