package fi.voimala.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka's own end-to-end latency on the platform's broker: the limit for {@link EventLatency}. The method is that of
 * kafka-tools' {@code org.apache.kafka.tools.EndToEndLatency} (Kafka 4.1): one record at a time, sent synchronously
 * (linger.ms 0, acks as given), then polled by a consumer with fetch.max.wait.ms 0 until it arrives. The tool prints
 * its percentiles in whole milliseconds (truncated), too coarse for latencies near 1 ms, so the bench repeats its
 * method here in nanoseconds; it also runs the tool itself ({@link #runTool}) and reports the tool's own average
 * beside, as a check that the two agree.
 */
final class KafkaLatency {

    static final String TOPIC = "bench-latency";

    private final String bootstrap;

    KafkaLatency(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void createTopic() throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig())) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + TOPIC, e.getCause());
        }
    }

    void deleteTopic() throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.deleteTopics(Set.of(TOPIC)).all().get();
        } catch (ExecutionException e) {
            // Only tidying up: the topic may already be gone.
        }
    }

    /** Milliseconds from send to arrival of {@code messages} records of {@code size} bytes, after a warm-up. */
    double[] measure(int warmup, int messages, int size, String acks) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Long.MAX_VALUE));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, acks);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "0");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        byte[] value = new byte[size];
        double[] latencies = new double[messages];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = -warmup; i < messages; i++) {
                long begin = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, value)).get();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(60));
                while (records.isEmpty()) {
                    records = consumer.poll(Duration.ofSeconds(60));
                }
                long elapsed = System.nanoTime() - begin;
                if (i >= 0) {
                    latencies[i] = elapsed / 1e6;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a send to " + TOPIC + " failed", e.getCause());
        }
        return latencies;
    }

    /** Runs kafka-tools' EndToEndLatency itself from the platform's Kafka libraries; returns what it printed. */
    String runTool(Path kafkaLibs, int messages, int size, String acks) throws IOException, InterruptedException {
        ProcessBuilder tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", kafkaLibs + "/*", "-Dlog4j2.level=WARN", "-Dlog4j2.configurationFile=none",
                "org.apache.kafka.tools.EndToEndLatency", bootstrap, TOPIC, String.valueOf(messages), acks,
                String.valueOf(size));
        StringBuilder kept = new StringBuilder();
        for (String line : Processes.run(tool, 300).split("\n")) {
            if (line.startsWith("Avg latency") || line.startsWith("Percentiles")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** The average in the tool's "Avg latency: 1.2345 ms" line; NaN if absent. */
    static double toolAverage(String toolOutput) {
        for (String line : toolOutput.split("\n")) {
            if (line.startsWith("Avg latency: ")) {
                return Double.parseDouble(line.substring("Avg latency: ".length()).replace(" ms", "").trim());
            }
        }
        return Double.NaN;
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }
}
