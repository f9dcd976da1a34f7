package fi.voimala.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void aPositionIsWrittenSortedAndReadBack() {
        StreamPosition position = StreamPosition.of(Map.of(new TopicPartition("visit-events", 2), 7L,
                new TopicPartition("outcome-events", 0), 12L, new TopicPartition("outcome-events", 1), 0L));
        assertEquals("outcome-events/0@12,outcome-events/1@0,visit-events/2@7", position.format());
        assertEquals(position, StreamPosition.parse(position.format()));
        assertEquals(12L, position.next(new TopicPartition("outcome-events", 0)));
        assertEquals(-1L, position.next(new TopicPartition("session-events", 0)), "a partition it does not name");
    }

    @Test
    void whatIsNotAPositionIsRefusedSayingWhy() {
        assertEquals("'yesterday' is not topic/partition@offset",
                assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("yesterday")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse(""));
        assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("outcome-events/0@99999999999999999999"));
        assertThrows(IllegalArgumentException.class, () -> StreamPosition.parse("outcome-events/0@-1"));
    }
}
