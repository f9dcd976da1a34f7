package fi.voimala.tools;

import fi.voimala.platform.testing.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records as the services and SmallRye's dead-letter strategy write them, for the tools' tests. */
final class TestTopics {

    private TestTopics() {
    }

    /** Sends one record with the given headers (in order) and waits for the broker's ack. */
    static void send(String topic, String key, String value, String... headerNamesAndValues) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                record.headers().add(headerNamesAndValues[i], headerNamesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        }
    }
}
