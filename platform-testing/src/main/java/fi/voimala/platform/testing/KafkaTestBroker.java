package fi.voimala.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined broker and controller) inside the test JVM, for tests that must meet
 * Kafka as it is, including when it is down: there is no Docker here, so no Dev Services or Testcontainers.
 * Init argument {@code topics}: comma-separated topics to create (the broker, like the real one, does not create
 * topics on its own). Gives the app {@code kafka.bootstrap.servers} and
 * {@code mp.messaging.connector.smallrye-kafka.bootstrap.servers}.
 *
 * <p>Tests call {@link #stopBroker()} and {@link #restartBroker()} to simulate an outage (the address stays the
 * same, so the app's clients reconnect by themselves), and read what arrived with {@link #records(String)}.
 *
 * <p>The controls are static and reach the running broker through a JMX MBean because Quarkus may load this class
 * once for starting the resource and once more, in another class loader, for the test itself; JMX calls by name work
 * across class loaders (a Java object in the system properties would, but breaks Narayana's start).
 */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {

    private static final String CONTROL = "fi.voimala.platform.testing:type=KafkaTestBroker";
    private static final String BOOTSTRAP = KafkaTestBroker.class.getName() + ".bootstrap";

    /** Kept strongly reachable: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private List<String> topics = List.of();
    private int partitions = 3;
    private KafkaClusterTestKit cluster;

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("topics", "");
        topics = Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", "3"));
    }

    @Override
    public Map<String, String> start() {
        quietBrokerLogging();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            createTopics(bootstrap);
            System.setProperty(BOOTSTRAP, bootstrap);
            ManagementFactory.getPlatformMBeanServer().registerMBean(
                    new StandardMBean((Control) this::control, Control.class), new ObjectName(CONTROL));
            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", bootstrap);
            config.put("mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap);
            // The broker runs in the app's JVM and logs through its log manager: keep it (and the clients' connection
            // warnings while it is stopped on purpose) out of the test output.
            for (String category : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
                config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
            }
            config.put("quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker did not start: " + e, e);
        }
    }

    @Override
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(CONTROL));
        } catch (Exception e) {
            // Not registered: the broker never started.
        }
        System.clearProperty(BOOTSTRAP);
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("The test Kafka broker did not stop cleanly: " + e, e);
            }
        }
    }

    /** Stops the broker (the controller keeps running): clients now fail to connect, as in a broker outage. */
    public static void stopBroker() {
        command("stop");
    }

    /** Starts the stopped broker again on the same address, with its data, and waits until it serves clients. */
    public static void restartBroker() {
        command("restart");
    }

    /** The broker's bootstrap address, e.g. {@code localhost:41234}. */
    public static String bootstrapServers() {
        String bootstrap = System.getProperty(BOOTSTRAP);
        if (bootstrap == null) {
            throw new IllegalStateException("No KafkaTestBroker is running: add it as a @QuarkusTestResource");
        }
        return bootstrap;
    }

    /**
     * Every record on the topic from its beginning up to its current end, with keys, values and headers as strings.
     * A fresh consumer each time (no group), so tests see exactly what the broker holds.
     */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-test-broker-reader-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + end + " within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Produces a CloudEvent onto the topic as a producing service's relay writes it (binary mode: the attributes as
     * {@code ce_} headers, the JSON data as the value), keyed and with {@code ce_subject} by {@code key}, and waits for
     * the broker's acknowledgement.
     */
    public static void produceCloudEvent(String topic, String eventId, String source, String type, String key,
                                         String json) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", source, "ce_type", type, "ce_subject", key,
                            "ce_time", java.time.Instant.now().toString(), "content-type", "application/json")
                    .forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    /** A header's value as UTF-8 text, or null when the record does not have it. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void command(String command) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL), "apply",
                    new Object[] {command}, new String[] {String.class.getName()});
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("No KafkaTestBroker is running: add it as a @QuarkusTestResource", e);
        } catch (MBeanException e) {
            throw new IllegalStateException(e.getTargetException().getMessage(), e.getTargetException());
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker could not " + command + ": " + e, e);
        }
    }

    /** The broker's controls as a JMX MBean ({@code apply("stop")}, {@code apply("restart")}). */
    public interface Control {
        String apply(String command);
    }

    private synchronized String control(String command) {
        var broker = cluster.brokers().values().iterator().next();
        try {
            switch (command) {
                case "stop" -> {
                    broker.shutdown();
                    broker.awaitShutdown();
                }
                case "restart" -> {
                    // The test kit re-binds the listener to the port it had, so the bootstrap address stays valid.
                    broker.startup();
                    cluster.waitForReadyBrokers();
                }
                default -> throw new IllegalArgumentException(command);
            }
            return command;
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker could not " + command + ": " + e, e);
        }
    }

    private void createTopics(String bootstrap) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(name -> new NewTopic(name, partitions, (short) 1))
                    .collect(Collectors.toList())).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void quietBrokerLogging() {
        // Until Quarkus applies its log configuration (after the resources have started) the broker would log at INFO.
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
