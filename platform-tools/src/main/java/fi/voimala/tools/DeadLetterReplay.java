package fi.voimala.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies the records of {@code <topic>-dlq} back into {@code <topic>}, once the cause that dead-lettered them is fixed,
 * so that the consumers apply them after all. Each record keeps its key (hence its partition and order), value and
 * headers (the CloudEvent's {@code ce_} headers, {@code traceparent}); the {@code dead-letter-*} headers are dropped.
 *
 * <p>Each dead letter is replayed once: the position in the dead-letter topic is committed under the consumer group
 * {@value #GROUP} after the copies are acknowledged, so a second run copies only what was dead-lettered since. A
 * crash between the copies and the commit copies them again on the next run, which is harmless: consumers apply an
 * event once (by its {@code ce_id}). A replayed event that still fails lands in the dead-letter topic again. Run as
 * {@code ./voimala dlq-replay TOPIC}.
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets in {@code <topic>-dlq} say what was replayed already. */
    public static final String GROUP = "voimala-dlq-replay";

    static final String USAGE = "./voimala dlq-replay TOPIC   (java fi.voimala.tools.DeadLetterReplay "
            + "[--bootstrap HOST:PORT] TOPIC): copies TOPIC-dlq back into TOPIC";

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(USAGE, List.of(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            long replayed = replay(options.bootstrap(), options.topic());
            System.out.println("replayed " + replayed + " dead letter(s) from " + options.topic() + "-dlq into "
                    + options.topic());
        } catch (RuntimeException e) {
            System.err.println("dlq-replay: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Copies what {@code topic-dlq} received since the last replay into {@code topic}; returns how many. */
    static long replay(String bootstrap, String topic) {
        String deadLetterTopic = topic + "-dlq";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            Topics.partitions(consumer, topic);   // the target must exist, or every copy would fail
            List<TopicPartition> partitions = Topics.partitions(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                    Duration.ofSeconds(15));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            // Only what is there now: a record dead-lettered again during this run waits for the next run.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> replayedTo = new HashMap<>();
            while (!Topics.reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> dead : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(dead.topic(), dead.partition());
                    if (dead.offset() >= end.get(partition)) {
                        continue;
                    }
                    sends.add(producer.send(new ProducerRecord<>(topic, null, dead.key(), dead.value(),
                            withoutDeadLetterHeaders(dead))));
                    replayedTo.put(partition, new OffsetAndMetadata(dead.offset() + 1));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("a copy into " + topic + " failed, nothing is marked as replayed "
                            + "(run again): " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted; nothing is marked as replayed", e);
                }
            }
            if (!replayedTo.isEmpty()) {
                consumer.commitSync(replayedTo, Duration.ofSeconds(15));
            }
            return sends.size();
        }
    }

    static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<?, ?> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
