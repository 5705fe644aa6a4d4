package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Sends batches of events, each with its checkpoint, in Kafka transactions under the one {@code transactional.id}
 * that every replica shares. Creating it ({@code initTransactions}) fences any earlier producer with that id: a paused
 * former leader can neither send nor commit any more, and its open transaction is aborted. A consumer reading
 * {@code read_committed} sees each event together with its checkpoint, or neither.
 */
final class TransactionalSender implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final RecordFactory records;
    private final CheckpointStore checkpoints;
    private final boolean tombstones;

    /** @throws KafkaException when the transaction coordinator cannot be reached to fence the previous producer */
    TransactionalSender(
            Producer<byte[], byte[]> producer, RecordFactory records, CheckpointStore checkpoints, boolean tombstones) {
        this.producer = producer;
        this.records = records;
        this.checkpoints = checkpoints;
        this.tombstones = tombstones;
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /** What became of a batch. */
    sealed interface Outcome {}

    /** Committed: every event of the batch is published. */
    record Committed() implements Outcome {}

    /** A newer producer with the same id took over: this one can send nothing more. */
    record Fenced(KafkaException cause) implements Outcome {}

    /**
     * Aborted: nothing of the batch is published.
     *
     * @param causes why, per event of the batch in order: its own send's failure where it had one (a record too
     *     large), else the transaction's
     * @param usable whether this sender can try again, or must be replaced
     */
    record Aborted(List<Throwable> causes, boolean usable) implements Outcome {}

    Outcome send(List<OutgoingEvent> batch) {
        List<Future<?>> sends = new ArrayList<>(batch.size());
        try {
            producer.beginTransaction();
            for (OutgoingEvent event : batch) {
                sends.add(producer.send(records.event(event)));
                if (tombstones && event.operation() == Operation.DELETED) {
                    producer.send(records.tombstone(event));
                }
                producer.send(checkpoints.record(event));
            }
            producer.commitTransaction();
            return new Committed();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            return new Fenced(e);
        } catch (KafkaException e) {
            return abort(batch, sends, e);
        }
    }

    private Outcome abort(List<OutgoingEvent> batch, List<Future<?>> sends, KafkaException failure) {
        boolean usable = true;
        try {
            producer.abortTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            return new Fenced(e);
        } catch (KafkaException e) {
            usable = false;
        }
        List<Throwable> causes = new ArrayList<>(batch.size());
        for (int index = 0; index < batch.size(); index++) {
            causes.add(index < sends.size() ? ownFailure(sends.get(index), failure) : failure);
        }
        return new Aborted(causes, usable);
    }

    private static Throwable ownFailure(Future<?> send, Throwable otherwise) {
        if (!send.isDone()) {
            return otherwise;
        }
        try {
            send.get();
            return otherwise;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
