package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerBacklogTest {

    private final AtomicInteger awaitingHandler = new AtomicInteger();

    @Test
    void informerThreadGoesOnAtOnceWhileTheHandlerIsCloseEnough() {
        HandlerBacklog backlog = new HandlerBacklog(awaitingHandler::get, Duration.ofMinutes(1));
        awaitingHandler.set(HandlerBacklog.MAX_DECODED);

        long start = System.nanoTime();
        backlog.awaitHandler();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void informerThreadWaitsWhileTooManyStatesAwaitTheHandlerUntilItTakesEnough() {
        HandlerBacklog backlog = new HandlerBacklog(awaitingHandler::get, Duration.ofMinutes(1));
        awaitingHandler.set(HandlerBacklog.MAX_DECODED + 2);
        Thread informer = new Thread(backlog::awaitHandler);
        informer.start();
        await().until(() -> informer.getState() == Thread.State.TIMED_WAITING);

        awaitingHandler.decrementAndGet();
        backlog.handlerTookOne();
        assertThat(informer.isAlive()).isTrue();
        awaitingHandler.decrementAndGet();
        backlog.handlerTookOne();

        await().atMost(Duration.ofSeconds(10)).until(() -> !informer.isAlive());
    }

    @Test
    void aHandlerThatMakesNoProgressStopsTheWaitsUntilItTakesAStateAgain() throws InterruptedException {
        HandlerBacklog backlog = new HandlerBacklog(awaitingHandler::get, Duration.ofMillis(500));
        awaitingHandler.set(HandlerBacklog.MAX_DECODED + 1);

        long start = System.nanoTime();
        for (int put = 0; put < 20; put++) {
            backlog.awaitHandler();
        }
        // Twenty waits would take ten seconds: only the first one waits.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        backlog.handlerTookOne();
        Thread informer = new Thread(backlog::awaitHandler);
        informer.start();
        await().pollInterval(Duration.ofMillis(5)).until(() -> informer.getState() == Thread.State.TIMED_WAITING);
        informer.join();
    }
}
