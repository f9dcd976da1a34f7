package fi.voimala.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One HTTP/1.1 response carrying server-sent events, decoded from its raw bytes as they are read: the status line,
 * the headers, the chunked (or close-delimited) body, and in the body the event-stream's lines (ended by CRLF, LF or
 * CR), handed to an {@link Sse.Parser}. Bytes may come split anywhere. Each line is stamped with the nanoTime of the
 * read that completed it.
 */
final class SseResponseDecoder {

    private enum State { STATUS, HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, DONE }

    private final Sse.Parser parser = new Sse.Parser();
    private final Consumer<Sse.Event> events;
    private State state = State.STATUS;
    private int status = -1;
    private boolean chunked;
    private long chunkLeft;
    /** The head line being read: the status line, a header, a chunk's size or the CRLF after its data. */
    private final StringBuilder head = new StringBuilder();
    /** The event-stream line being read (it may go on in the next chunk). */
    private byte[] line = new byte[512];
    private int length;
    /** An event-stream line just ended with CR: a LF right after it belongs to it. */
    private boolean afterCr;

    SseResponseDecoder(Consumer<Sse.Event> events) {
        this.events = events;
    }

    /** The response's status, once its status line is in; -1 before. */
    int status() {
        return status;
    }

    /** True once the headers are in (the body, if any, follows). */
    boolean headersDone() {
        return state != State.STATUS && state != State.HEADERS;
    }

    /** True when the body ended (the last chunk): the server closed the stream. */
    boolean done() {
        return state == State.DONE;
    }

    /** Takes the readable bytes of the buffer (all of them). */
    void feed(ByteBuffer bytes, long nanos) {
        while (bytes.hasRemaining() && state != State.DONE) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END -> {
                    char c = (char) (bytes.get() & 0xff);
                    if (c == '\n') {
                        int end = head.length() > 0 && head.charAt(head.length() - 1) == '\r' ? head.length() - 1
                                : head.length();
                        String text = head.substring(0, end);
                        head.setLength(0);
                        headLine(text);
                    } else {
                        head.append(c);
                    }
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(chunkLeft, bytes.remaining());
                    for (int i = 0; i < take; i++) {
                        body(bytes.get(), nanos);
                    }
                    chunkLeft -= take;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case BODY -> body(bytes.get(), nanos);
                default -> throw new IllegalStateException(state.toString());
            }
        }
    }

    /** A line of the response's head, or a chunk's size line, or the CRLF after a chunk's data. */
    private void headLine(String text) {
        switch (state) {
            case STATUS -> {
                // HTTP/1.1 200 OK
                String[] parts = text.split(" ", 3);
                status = parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (text.isEmpty()) {
                    state = chunked ? State.CHUNK_SIZE : State.BODY;
                } else {
                    int colon = text.indexOf(':');
                    if (colon > 0 && text.substring(0, colon).trim().equalsIgnoreCase("transfer-encoding")
                            && text.substring(colon + 1).toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                        chunked = true;
                    }
                }
            }
            case CHUNK_SIZE -> {
                int extension = text.indexOf(';');
                chunkLeft = Long.parseLong((extension < 0 ? text : text.substring(0, extension)).trim(), 16);
                state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE; // the empty line after a chunk's data
            default -> throw new IllegalStateException(state.toString());
        }
    }

    /** One byte of the event stream. */
    private void body(byte b, long nanos) {
        if (b == '\n' && afterCr) {
            afterCr = false;
            return;
        }
        afterCr = b == '\r';
        if (b == '\n' || b == '\r') {
            Sse.Event event = parser.line(new String(line, 0, length, StandardCharsets.UTF_8), nanos);
            length = 0;
            if (event != null) {
                events.accept(event);
            }
        } else {
            append(b);
        }
    }

    private void append(byte b) {
        if (length == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }
}
