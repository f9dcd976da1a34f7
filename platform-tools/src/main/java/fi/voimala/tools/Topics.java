package fi.voimala.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** What both tools need of a topic: its partitions (a clear error when it does not exist) and "read to the end yet?". */
final class Topics {

    private Topics() {
    }

    static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka about topic " + topic + " within 15 s: is Kafka "
                    + "running (./voimala status)?", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("there is no topic " + topic);
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** True when the consumer's position has reached {@code end} on every partition. */
    static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
