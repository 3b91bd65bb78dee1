package io.inception.smoke.suite;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The smoke tests this module ships, and their names as environment files write them ({@code Class#method}). */
public final class SmokeCatalogue {
    /** Every smoke test class, in the order reports list them. */
    public static final List<Class<?>> CLASSES = List.of(KeystoneSmoke.class, NovaApiSmoke.class, GlanceSmoke.class,
            ComputeHostsSmoke.class, ServerLifecycleSmoke.class);

    private SmokeCatalogue() {
    }

    /** The name of a test method: {@code ComputeHostsSmoke#everyHostRunsTheExpectedVersion}. */
    public static String testId(String className, String method) {
        return className.substring(className.lastIndexOf('.') + 1) + "#" + method;
    }

    /** The names of every shipped test. */
    public static Set<String> testIds() {
        Set<String> ids = new TreeSet<>();
        for (Class<?> c : CLASSES) {
            Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName)
                    .forEach(m -> ids.add(testId(c.getName(), m)));
        }
        return ids;
    }
}
