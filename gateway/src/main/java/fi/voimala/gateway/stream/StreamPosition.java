package fi.voimala.gateway.stream;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a stream stands in the topics: for each partition, the offset of the next record not yet passed on. It is the
 * id of every event sent to a browser, so a browser that reconnects (its {@code Last-Event-ID}) tells any gateway
 * instance exactly what it has had, and that instance reads the rest from Kafka: nothing missed, nothing twice.
 * Written as {@code topic/partition@offset} joined by commas, e.g. {@code outcome-events/0@12,visit-events/2@7}.
 */
public final class StreamPosition {

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]+)/(\\d{1,5})@(\\d{1,19})");

    private final Map<TopicPartition, Long> next;

    private StreamPosition(Map<TopicPartition, Long> next) {
        this.next = next;
    }

    public static StreamPosition of(Map<TopicPartition, Long> next) {
        return new StreamPosition(Collections.unmodifiableMap(new HashMap<>(next)));
    }

    /** Reads a position a browser sent back; {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static StreamPosition parse(String text) {
        Map<TopicPartition, Long> next = new HashMap<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; send back the id of the last event received");
        }
        for (String entry : text.strip().split(",")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not topic/partition@offset");
            }
            try {
                next.put(new TopicPartition(m.group(1), Integer.parseInt(m.group(2))), Long.parseLong(m.group(3)));
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("'" + entry + "' has a number out of range");
            }
        }
        return of(next);
    }

    /** The next offset of a partition; -1 when this position does not name it. */
    public long next(TopicPartition partition) {
        return next.getOrDefault(partition, -1L);
    }

    public Map<TopicPartition, Long> asMap() {
        return next;
    }

    public String format() {
        return format(order(next.keySet()), next);
    }

    /** Partitions in the order a position is written: by topic, then partition (the same position, the same text). */
    static List<TopicPartition> order(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition)).toList();
    }

    /** The text of a position, its partitions in the given order: written for every event sent, so kept cheap. */
    static String format(List<TopicPartition> order, Map<TopicPartition, Long> next) {
        StringBuilder text = new StringBuilder(order.size() * 24);
        for (TopicPartition partition : order) {
            Long offset = next.get(partition);
            if (offset != null) {
                text.append(text.isEmpty() ? "" : ",").append(partition.topic()).append('/')
                        .append(partition.partition()).append('@').append(offset);
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && position.next.equals(next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
