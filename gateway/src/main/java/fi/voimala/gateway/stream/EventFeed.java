package fi.voimala.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's one reader of the streamed topics, passing every record to the open streams. It reads every partition
 * itself ({@code assign}, no consumer group), so that every gateway instance sees every event, whichever instance a
 * browser is connected to; it starts at the end, since a browser that was away reads what it missed from Kafka
 * ({@link #readBetween}). Nothing is committed: a stream's position travels with the browser (its last event id).
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    /** What an open stream is given: each event in partition order, and a heartbeat now and then. */
    public interface Listener {
        void live(StreamEvent event);

        void heartbeat(StreamPosition position);
    }

    /** What a catch-up read found: the events, or that they cannot all be had any more. */
    public record History(List<StreamEvent> events, boolean complete) {
    }

    @ConfigProperty(name = "voimala.stream.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "voimala.stream.topics")
    List<String> topics;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    /** The most events a reconnecting browser is sent to catch up; beyond it, it is told to reload instead. */
    @ConfigProperty(name = "voimala.stream.catch-up-limit", defaultValue = "10000")
    int catchUpLimit;
    /**
     * How often every stream is sent its position (proxies close silent connections, and the browser keeps it) and
     * checked for a browser that stopped reading.
     */
    @ConfigProperty(name = "voimala.stream.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    private final Object delivery = new Object();
    private final Map<TopicPartition, Long> position = new HashMap<>();
    private volatile boolean ready;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread reader;

    void start(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        running = true;
        reader = new Thread(this::read, "voimala-stream-feed");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** True once the feed knows the topics' partitions and where their ends are. */
    public boolean ready() {
        return ready;
    }

    /**
     * Adds a listener and returns where the feed stands at that moment: the listener is given every record from there
     * on, none before.
     */
    public StreamPosition subscribe(Listener listener) {
        synchronized (delivery) {
            listeners.add(listener);
            return StreamPosition.of(position);
        }
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    public int streams() {
        return listeners.size();
    }

    private void read() {
        consumer = new KafkaConsumer<>(config("gateway-stream"));
        try {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            synchronized (delivery) {
                partitions.forEach(partition -> position.put(partition, consumer.position(partition)));
            }
            ready = true;
            LOG.infof("streaming %s to browsers from %s", topics, StreamPosition.of(position));
            long lastHeartbeat = System.nanoTime();
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                synchronized (delivery) {
                    for (ConsumerRecord<String, String> record : records) {
                        position.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                        StreamEvent event = StreamEvent.of(record);
                        listeners.forEach(listener -> listener.live(event));
                    }
                    if (System.nanoTime() - lastHeartbeat > heartbeat.toNanos()) {
                        // The consumer's own position also moves past transaction markers, which no listener sees.
                        partitions.forEach(partition -> position.put(partition, consumer.position(partition)));
                        StreamPosition now = StreamPosition.of(position);
                        listeners.forEach(listener -> listener.heartbeat(now));
                        lastHeartbeat = System.nanoTime();
                    }
                }
            }
        } catch (WakeupException stopping) {
            // Shut down.
        } catch (RuntimeException e) {
            LOG.error("the stream's reader of " + topics + " stopped; browsers get no live events until a restart", e);
        } finally {
            ready = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Every partition of the topics, waiting for the broker (and the topics) as long as it takes. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> reader) {
        long attempt = 0;
        while (running) {
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(5));
                    if (infos == null || infos.isEmpty()) {
                        throw new IllegalStateException("the topic " + topic + " does not exist (yet)");
                    }
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
                return partitions;
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException notYet) {
                if (attempt++ % 12 == 0) {
                    LOG.warnf("the live stream waits for Kafka at %s: %s", bootstrapServers, notYet.getMessage());
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /**
     * The events from one position up to another, read with a consumer of its own (blocking: call it off the event
     * loop). Not complete when some of them are gone (retention), a partition is unknown to the browser's position,
     * there are more than the catch-up limit, or Kafka does not answer in time.
     */
    public History readBetween(StreamPosition from, StreamPosition to) {
        List<TopicPartition> behind = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<TopicPartition, Long> end : to.asMap().entrySet()) {
            long start = from.next(end.getKey());
            if (start < 0) {
                complete = false;
            } else if (start < end.getValue()) {
                behind.add(end.getKey());
            }
        }
        if (behind.isEmpty()) {
            return new History(List.of(), complete);
        }
        List<StreamEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> catchUp = new KafkaConsumer<>(config("gateway-stream-catch-up"))) {
            catchUp.assign(behind);
            Map<TopicPartition, Long> earliest = catchUp.beginningOffsets(behind, Duration.ofSeconds(5));
            long total = 0;
            for (TopicPartition partition : behind) {
                long start = from.next(partition);
                if (start < earliest.get(partition)) {
                    complete = false;
                    start = earliest.get(partition);
                }
                catchUp.seek(partition, start);
                total += to.next(partition) - start;
            }
            if (total > catchUpLimit) {
                return new History(List.of(), false);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<TopicPartition> open = new ArrayList<>(behind);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : catchUp.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < to.next(partition)) {
                        events.add(StreamEvent.of(record));
                    }
                }
                open.removeIf(partition -> catchUp.position(partition) >= to.next(partition));
            }
            return new History(events, complete && open.isEmpty());
        } catch (RuntimeException e) {
            LOG.warnf("a stream could not catch up from %s: %s", from, e.toString());
            return new History(List.of(), false);
        }
    }

    private Properties config(String clientId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only what producers committed: the outboxes write outside Kafka transactions today, but a reader should not
        // pass on an aborted write if one ever does.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
