package io.kubeeventbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time of each thread over a round, per event: on which thread a path's cost lands, which the process's
 * total ({@link ProcessCpu}) cannot tell. Threads are grouped by name with their digits left out, so the broker's
 * request handlers count as one. Only Java threads are counted (not the JVM's compiler and collector threads), and
 * only those alive at the end of the round.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    // Below this, a group is left out of the line.
    private static final double SHOWN_FROM_MICROS = 0.3;

    private final Map<Long, Long> nanosAtStart = new HashMap<>();

    private ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            nanosAtStart.put(id, THREADS.getThreadCpuTime(id));
        }
    }

    /** Starts counting now. */
    public static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** Prints each group's CPU time per event since the start, the largest first. */
    public void print(String label, int events) {
        Map<String, Long> nanosByGroup = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo thread = THREADS.getThreadInfo(id);
            long nanos = THREADS.getThreadCpuTime(id);
            if (thread != null && nanos > 0) {
                String group = thread.getThreadName().replaceAll("[0-9]+", "#");
                nanosByGroup.merge(group, nanos - nanosAtStart.getOrDefault(id, 0L), Long::sum);
            }
        }
        String groups = nanosByGroup.entrySet().stream()
                .filter(group -> group.getValue() / 1e3 / events >= SHOWN_FROM_MICROS)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(group -> String.format("%s %.1f", group.getKey(), group.getValue() / 1e3 / events))
                .collect(Collectors.joining("; "));
        System.out.printf("%s round, µs of CPU per event by thread: %s%n", label, groups);
    }
}
