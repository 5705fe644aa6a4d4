package io.kubeeventbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void schedulerRunsItsWorkOnOneNamedDaemonThread() throws Exception {
        ScheduledExecutorService scheduler = BackgroundThreads.scheduler("checkpoint-writer");
        try {
            Thread first = scheduler.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            Thread second = scheduler.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(first.getName()).isEqualTo("checkpoint-writer-1");
            assertThat(first.isDaemon()).isTrue();
            assertThat(second).isSameAs(first);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
