package io.kubeeventbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of every partition of one topic, from where the topic ends when it is created, noting when the first
 * record of each key became readable ({@link System#nanoTime()}).
 */
final class RecordArrivals implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean open = true;

    RecordArrivals(String bootstrapServers, String topic) {
        // No group: partitions assigned by hand need no rebalance before the first record can be read.
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: look the positions up now, before the records to time are sent.
        partitions.forEach(consumer::position);
        reader = new Thread(() -> read(consumer), "record-arrivals");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (open) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                long now = System.nanoTime();
                records.forEach(record -> arrived.putIfAbsent(record.key(), now));
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /** When the first record of each of {@code keys} was read, waiting for the last up to {@code timeout}. */
    synchronized Map<String, Long> await(Set<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrived.keySet().containsAll(keys)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                long missing =
                        keys.stream().filter(key -> !arrived.containsKey(key)).count();
                throw new IllegalStateException(missing + " of " + keys.size() + " records not read within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Map.copyOf(arrived);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(POLL.multipliedBy(50).toMillis());
    }
}
