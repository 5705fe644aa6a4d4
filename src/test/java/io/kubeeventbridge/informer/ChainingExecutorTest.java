package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ChainingExecutorTest {

    // The pool: keeps what it is handed, for the test to run.
    private final List<Runnable> handedToPool = new ArrayList<>();

    private final Executor pool = handedToPool::add;
    private final ChainingExecutor executor = new ChainingExecutor(pool);

    @Test
    void aTaskSubmittedByATaskRunsOnTheSameThreadOnceThatTaskHasReturned() {
        List<String> ran = new ArrayList<>();
        executor.execute(() -> {
            executor.execute(() -> ran.add("second on " + Thread.currentThread().getName()));
            ran.add("first on " + Thread.currentThread().getName());
        });

        assertThat(handedToPool).hasSize(1);
        handedToPool.remove(0).run();

        String thread = Thread.currentThread().getName();
        assertThat(ran).containsExactly("first on " + thread, "second on " + thread);
        assertThat(handedToPool).isEmpty();
    }

    @Test
    void tasksSubmittedFromOutsideGoToThePool() {
        executor.execute(() -> {});
        executor.execute(() -> {});

        assertThat(handedToPool).hasSize(2);
    }

    @Test
    void whatATaskThatThrowsChainedGoesToThePool() {
        List<String> ran = new ArrayList<>();
        executor.execute(() -> {
            executor.execute(() -> ran.add("chained"));
            throw new IllegalStateException("handler failed");
        });

        assertThatThrownBy(() -> handedToPool.remove(0).run()).hasMessage("handler failed");
        assertThat(ran).isEmpty();
        assertThat(handedToPool).hasSize(1);

        handedToPool.remove(0).run();
        assertThat(ran).containsExactly("chained");
    }
}
