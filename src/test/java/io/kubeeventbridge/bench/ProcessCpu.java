package io.kubeeventbridge.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, on all its threads (the in-process broker's included): what a path costs tells
 * better than its wall time on a machine whose other work varies.
 */
public final class ProcessCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    public static long nanos() {
        return OS.getProcessCpuTime();
    }
}
