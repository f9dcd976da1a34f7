package fi.voimala.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream group reads the gateway's server-sent events and matches them to the measurements it entered. */
class BenchStreamTest {

    private static final String SERIES = "6a1c7f0e-2b4d-4c8a-9e3f-5d7b1a2c4e6f";
    private static final String ID = "outcome-events/0@390,outcome-events/1@468,visit-events/2@92";

    /** The lines of a stream, each arriving at its index as its nanoTime; the events the parser made of them. */
    private static List<Sse.Event> parse(String text) {
        Sse.Parser parser = new Sse.Parser();
        List<Sse.Event> events = new ArrayList<>();
        // Split as java.net.http's line subscriber does: at \n, \r or \r\n.
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Sse.Event event = parser.line(lines[i], i);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void readsTheGatewaysEventsAsItWritesThem() {
        // As the gateway sent them (curl, 2026-12-08): RESTEasy Reactive's own content-type line, then id, event,
        // retry and data; a blank line ends each.
        List<Sse.Event> events = parse("""
                content-type:text/plain
                id:%s
                event:ready
                retry:3000
                data:{"resumed":false,"missedEvents":false}

                content-type:text/plain
                id:%s
                event:heartbeat
                retry:3000
                data:{}

                """.formatted(ID, ID));
        assertEquals(2, events.size());
        assertEquals("ready", events.get(0).name());
        assertEquals("{\"resumed\":false,\"missedEvents\":false}", events.get(0).data());
        assertEquals(ID, events.get(0).id());
        assertEquals(0, events.get(0).arrived()); // when its first line came
        assertEquals("heartbeat", events.get(1).name());
        assertEquals(6, events.get(1).arrived());
    }

    @Test
    void followsEventSourcesRules() {
        List<Sse.Event> events = parse(": a comment\r\n\r\nevent: outcome\r\ndata: first\r\ndata:second\r\n\r\n"
                + "data\n\nid: 7\nevent:\ndata: x\n\nevent: nothing\n\n");
        // The comment alone makes no event, nor does an event without data; a field's one leading space goes; data
        // lines join with a newline; "data" alone is an empty line of data; the id carries over; no name: "message".
        assertEquals(3, events.size());
        assertEquals("outcome", events.get(0).name());
        assertEquals("first\nsecond", events.get(0).data());
        assertNull(events.get(0).id());
        assertEquals("message", events.get(1).name());
        assertEquals("", events.get(1).data());
        assertEquals("7", events.get(2).id());
        assertEquals("message", events.get(2).name());
    }

    @Test
    void anOutcomeIsMatchedByItsSeriesTypeAndN() {
        String outcome = """
                {"type":"fi.voimala.outcome.series-outcome.updated.v1","seriesId":"%s","subject":"%s",\
                "time":"2026-12-08T10:00:00.123Z","data":{"seriesId":"%s","instrumentKey":"ucla-3","outcomes":[\
                {"scoreKey":"total","comparison":"BASELINE_TO_FOLLOW_UP","suppressed":true,"n":null},\
                {"scoreKey":"total","comparison":"BASELINE_TO_END","suppressed":false,"people":321,"n":321}]}}"""
                .formatted(SERIES, SERIES, SERIES);
        JsonNode matched = StreamBench.outcomeOf(new Sse.Event("outcome", ID, outcome, 1), SERIES);
        assertNotNull(matched);
        assertEquals(321L, OutcomeSeries.baselineToEndN(matched));
        // Another series' outcome; the same series' measurement event; a viewer's "that it happened"; another name.
        assertNull(StreamBench.outcomeOf(new Sse.Event("outcome", ID,
                outcome.replace(SERIES, "11111111-2b4d-4c8a-9e3f-5d7b1a2c4e6f"), 1), SERIES));
        assertNull(StreamBench.outcomeOf(new Sse.Event("outcome", ID, """
                {"type":"fi.voimala.outcome.measurement.recorded.v1","seriesId":"%s","data":{"seriesId":"%s",\
                "note":"fi.voimala.outcome.series-outcome.updated.v1"}}""".formatted(SERIES, SERIES), 1), SERIES));
        assertNull(StreamBench.outcomeOf(new Sse.Event("outcome", ID,
                "{\"type\":\"fi.voimala.outcome.measurement.recorded.v1\",\"time\":\"2026-12-08T10:00:00Z\"}", 1),
                SERIES));
        assertNull(StreamBench.outcomeOf(new Sse.Event("visit", ID, outcome, 1), SERIES));
    }

    @Test
    void arrivalsAreKeptByNAndSuppressedOnesInTurn() throws IOException {
        OutcomeSeries.Arrivals arrivals = new OutcomeSeries.Arrivals("a test");
        arrivals.arrived(null, 10);
        arrivals.arrived(null, 20);
        arrivals.arrived(6L, 60, 1_700_000_000_123L);
        arrivals.arrived(5L, 50);
        arrivals.arrived(6L, 61);
        long now = System.nanoTime();
        assertEquals(10, arrivals.await(1, now));
        assertEquals(20, arrivals.await(2, now));
        assertEquals(50, arrivals.await(5, now));
        assertEquals(60, arrivals.await(6, now)); // the first arrival counts; the second is counted as twice
        assertEquals(1, arrivals.twice());
        assertEquals(1_700_000_000_123L, arrivals.sent(6));
        assertThrows(IOException.class, () -> arrivals.await(7, now));
        // A shown n below five is wrong (the topic suppresses it), and says so instead of timing out.
        arrivals.arrived(3L, 30);
        assertThrows(IOException.class, () -> arrivals.await(7, now + 1_000_000_000L));
    }

    @Test
    void decodesTheChunkedResponseHoweverItsBytesAreSplit() {
        String body = "content-type:text/plain\nid:" + ID + "\nevent:ready\nretry:3000\n"
                + "data:{\"resumed\":false,\"missedEvents\":false}\n\n"
                + "event:outcome\r\ndata:{\"type\":\"x\",\"text\":\"ääkköset\"}\r\n\r\n"
                + "event:heartbeat\rdata:{}\r\r";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Two chunks, the second with an extension, then the last chunk: as the gateway's chunked answer would be.
        int cut = 70;
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        wire.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        wire.writeBytes((Integer.toHexString(cut) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        wire.write(bytes, 0, cut);
        wire.writeBytes(("\r\n" + Integer.toHexString(bytes.length - cut) + ";x=y\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        wire.write(bytes, cut, bytes.length - cut);
        wire.writeBytes("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] all = wire.toByteArray();
        for (int split = 0; split <= all.length; split++) {
            List<Sse.Event> events = new ArrayList<>();
            SseResponseDecoder decoder = new SseResponseDecoder(events::add);
            decoder.feed(java.nio.ByteBuffer.wrap(all, 0, split), 1);
            decoder.feed(java.nio.ByteBuffer.wrap(all, split, all.length - split), 2);
            assertEquals(200, decoder.status());
            assertEquals(List.of("ready", "outcome", "heartbeat"), events.stream().map(Sse.Event::name).toList(),
                    "split at " + split);
            assertEquals("{\"type\":\"x\",\"text\":\"ääkköset\"}", events.get(1).data());
            assertEquals(ID, events.get(2).id());
            // Stamped with the read that brought the event's first line.
            int firstOfOutcome = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("event:outcome")
                    + "event:outcome\r".length(); // its CR ends the line
            assertEquals(split >= firstOfOutcome ? 1 : 2, events.get(1).arrived(), "split at " + split);
            assertEquals(true, decoder.done());
        }
        SseResponseDecoder refused = new SseResponseDecoder(event -> { });
        refused.feed(java.nio.ByteBuffer.wrap("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 1);
        assertEquals(401, refused.status());
    }

    @Test
    void countsTheBytesWaitingInTheBenchsSockets() {
        // /proc/net/tcp6 (a Java socket is dual-stack): the bench's side (remote port 8080 = 1F90) with 1,200 bytes
        // unread, another with none, the gateway's side (local 8080; not counted), one in TIME_WAIT (06; not counted);
        // the inode is the tenth column.
        String tcp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0000000000000000FFFF00000100007F:C350 0000000000000000FFFF00000100007F:1F90 01 00000000:000004B0 00:00000000 00000000     0        0 1 1 0000000000000000 20 4 30 10 -1
                   1: 0000000000000000FFFF00000100007F:C351 0000000000000000FFFF00000100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1
                   2: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C350 01 00000200:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1
                   3: 0000000000000000FFFF00000100007F:C352 0000000000000000FFFF00000100007F:1F90 06 00000000:00000010 00:00000000 00000000     0        0 4 1 0000000000000000 20 4 30 10 -1
                """;
        long[] unread = StreamBench.unread(tcp6, 8080, java.util.Set.of(1L, 2L, 3L, 4L));
        assertEquals(1200, unread[0]);
        assertEquals(1, unread[1]);
        // Another program's connection to the gateway (an inode not the bench's) is not counted.
        assertEquals(0, StreamBench.unread(tcp6, 8080, java.util.Set.of(2L, 3L))[0]);
    }

    @Test
    void readsJstatsColumns() {
        // jstat -gc of the gateway (OpenJDK 17, serial collector): the concurrent collector's columns are "-".
        Map<String, Double> gc = StreamBench.parseJstat("""
                    S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT
                     1088.0      1088.0       443.4         0.0       9280.0       6553.7      22848.0      15650.3    43840.0    43346.2    5568.0    5314.1     18     0.123     2     0.091     -         -     0.214
                """);
        assertEquals(18.0, gc.get("YGC"));
        assertEquals(0.214, gc.get("GCT"));
        assertEquals(22848.0, gc.get("OC"));
        assertNull(gc.get("CGC"));
        assertEquals(Map.of(), StreamBench.parseJstat("1234 not found"));
    }
}
