package fi.voimala.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * One CloudEvent read from a topic, with what the gateway needs to decide who may see it: its series, when the event
 * is about one (the data's {@code seriesId}, or the id of a series event itself).
 */
public record StreamEvent(TopicPartition partition, long offset, String type, String subject, String seriesId,
                          String time, JsonNode data, String whole, String thatItHappened) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SERIES_EVENT_PREFIX = "fi.voimala.scheduling.series.";

    static StreamEvent of(ConsumerRecord<String, String> record) {
        JsonNode data = null;
        try {
            data = record.value() == null ? null : JSON.readTree(record.value());
        } catch (Exception notJson) {
            // Passed on without data: a browser only needs to know that something changed.
        }
        String type = header(record, "ce_type");
        String seriesId = text(data, "seriesId");
        if (seriesId == null && type != null && type.startsWith(SERIES_EVENT_PREFIX)) {
            seriesId = text(data, "id");
        }
        String subject = header(record, "ce_subject");
        String time = header(record, "ce_time");
        // Written once here, not once per stream: thousands of streams may pass the same event on.
        return new StreamEvent(new TopicPartition(record.topic(), record.partition()), record.offset(), type, subject,
                seriesId, time, data, whole(type, seriesId, subject, time, data),
                JSON.createObjectNode().put("type", type).put("time", time).toString());
    }

    /** What a reader of the event's series is sent: the type, series, subject, time and the event's data. */
    private static String whole(String type, String seriesId, String subject, String time, JsonNode data) {
        ObjectNode json = JSON.createObjectNode().put("type", type);
        if (seriesId != null) {
            json.put("seriesId", seriesId);
        }
        if (subject != null) {
            json.put("subject", subject);
        }
        json.put("time", time);
        if (data != null) {
            json.set("data", data);
        }
        return json.toString();
    }

    /** The name of the server-sent event: the topic without {@code -events} (outcome, session, visit). */
    public String name() {
        String topic = partition.topic();
        return topic.endsWith("-events") ? topic.substring(0, topic.length() - "-events".length()) : topic;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
