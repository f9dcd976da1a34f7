package fi.voimala.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic's CloudEvents readably, for a person looking at what the services published: per record its
 * partition, offset and key, the CloudEvent attributes ({@code ce_} headers), the trace and any dead-letter headers,
 * then the JSON data pretty-printed. Reads from the beginning up to the end offsets known at start and stops; with
 * {@code --follow} it keeps printing what arrives until interrupted. Reads without a consumer group, so it changes
 * nothing on the broker. Run as {@code ./voimala events TOPIC [--follow]}.
 */
public final class EventPrinter {

    static final String USAGE = "./voimala events TOPIC [--follow]   (java fi.voimala.tools.EventPrinter "
            + "[--bootstrap HOST:PORT] [--follow] TOPIC)";

    /** The headers shown, in this order, with the labels shown; dead-letter headers follow. */
    private static final Map<String, String> ATTRIBUTES = orderedMap(
            "ce_id", "id", "ce_type", "type", "ce_subject", "subject", "ce_time", "time", "ce_source", "source",
            "traceparent", "traceparent");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPrinter() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(USAGE, List.of("--follow"), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            long printed = print(options.bootstrap(), options.topic(), options.follow(), System.out, stop);
            System.err.println(printed + " event(s) in " + options.topic());
        } catch (RuntimeException e) {
            System.err.println("events: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Prints the topic's records to {@code out} and returns how many it printed. Without {@code follow}, stops at the
     * end offsets the topic had when it started; with it, stops when {@code stop} becomes true.
     */
    static long print(String bootstrap, String topic, boolean follow, PrintStream out, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
            List<TopicPartition> partitions = Topics.partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long printed = 0;
            while (!stop.get() && (follow || !Topics.reached(consumer, end))) {
                try {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        out.print(format(record));
                        printed++;
                    }
                } catch (WakeupException e) {
                    break;
                }
                out.flush();
            }
            return printed;
        }
    }

    /** One record as text: a heading line, the attributes indented, then the data. */
    static String format(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("── %s  partition %d  offset %d  key %s  (%s)%n", record.topic(), record.partition(),
                record.offset(), record.key(), Instant.ofEpochMilli(record.timestamp())));
        ATTRIBUTES.forEach((header, label) -> {
            String value = header(record, header);
            if (value != null) {
                text.append(String.format("  %-12s %s%n", label, value));
            }
        });
        for (Header header : record.headers()) {
            if (header.key().startsWith("dead-letter-")) {
                text.append(String.format("  %-12s %s%n", header.key(),
                        header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        text.append(data(record.value())).append(System.lineSeparator());
        return text.toString();
    }

    private static String data(String value) {
        if (value == null) {
            return "  (no data)";
        }
        try {
            JsonNode json = JSON.readTree(value);
            if (json == null) {
                return "  (no data)";
            }
            return indent(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (Exception e) {
            return "  (not JSON) " + value;
        }
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "voimala-events-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
