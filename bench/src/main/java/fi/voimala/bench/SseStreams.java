package fi.voimala.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Many open server-sent-event streams from this one JVM: a non-blocking client of its own (java.nio), one selector
 * thread per core, each reading its share of the connections and decoding them ({@link SseResponseDecoder}) on the
 * spot, so that an event is stamped with the time its bytes were read and costs the bench a few microseconds.
 * java.net.http's client cost about 40 µs of CPU per event received (its flow machinery, chunk decoding and line
 * decoding; docs/performance.md, section 8), which on 2 cores made the bench, not the gateway, the slower side at
 * 5,000 streams. HTTP/1.1, one request per connection, as a browser's EventSource on a plain connection. At most
 * {@value #OPENING} streams are being opened at a time (each until its {@code ready}), so that the gateway's accept
 * queue is not flooded.
 */
final class SseStreams implements AutoCloseable {

    static final int OPENING = 100;
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** What a stream hands on: every event, on its selector thread. */
    interface Listener {
        void event(int stream, Sse.Event event);
    }

    private final URI url;
    private final InetSocketAddress address;
    private final List<Loop> loops = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Semaphore opening = new Semaphore(OPENING);
    private final AtomicInteger ready = new AtomicInteger();
    private volatile boolean closing;
    private int streams;

    SseStreams(URI url) throws IOException {
        this.url = url;
        this.address = new InetSocketAddress(url.getHost(), url.getPort() > 0 ? url.getPort() : 80);
        for (int i = 0; i < THREADS; i++) {
            Loop loop = new Loop(i);
            loops.add(loop);
            loop.thread.start();
        }
    }

    /** Opens one more stream with this token; its events go to the listener. Answers the stream's number. */
    int open(String token, Listener listener) throws InterruptedException {
        int stream = streams++;
        String request = "GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + address.getPort() + "\r\nAuthorization: Bearer "
                + token + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        opening.acquire();
        Loop loop = loops.get(stream % loops.size());
        loop.pending.add(new Connection(stream, listener, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII))));
        loop.selector.wakeup();
        return stream;
    }

    /** Waits until every stream opened so far has had its {@code ready} event; false when one failed or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        await(() -> ready.get() == streams || !failures.isEmpty(), timeout);
        return ready.get() == streams;
    }

    int ready() {
        return ready.get();
    }

    List<String> failures() {
        return failures;
    }

    /** The selector threads reading the streams. */
    int threads() {
        return loops.size();
    }

    private void note(String failure) {
        if (failures.size() < 20) {
            failures.add(failure);
        }
    }

    /** Closes every connection and ends the selector threads. */
    @Override
    public void close() {
        closing = true;
        for (Loop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
        for (Loop loop : loops) {
            try {
                loop.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls the condition every 20 ms until it holds (true) or the time runs out (false). */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** One stream: its request until written, then its response's decoder. */
    private final class Connection {
        final int stream;
        final ByteBuffer request;
        final SseResponseDecoder decoder;
        final AtomicBoolean released = new AtomicBoolean();
        boolean isReady;

        Connection(int stream, Listener listener, ByteBuffer request) {
            this.stream = stream;
            this.request = request;
            this.decoder = new SseResponseDecoder(event -> {
                if (!isReady && "ready".equals(event.name())) {
                    isReady = true;
                    ready.incrementAndGet();
                    release();
                }
                listener.event(stream, event);
            });
        }

        /** Lets the next stream open, once: this one is ready, or will never be. */
        void release() {
            if (released.compareAndSet(false, true)) {
                opening.release();
            }
        }
    }

    /** A selector thread and the connections it reads. */
    private final class Loop implements Runnable {
        final Selector selector;
        final Thread thread;
        final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        volatile boolean running = true;

        Loop(int number) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, "bench-sse-" + number);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    selector.select();
                    Connection added;
                    while ((added = pending.poll()) != null) {
                        connect(added);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException e) {
                note("a selector thread stopped: " + e);
            } finally {
                for (SelectionKey key : selector.keys()) {
                    closeQuietly(key);
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
            }
        }

        private void connect(Connection connection) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = channel.connect(address);
                SelectionKey key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT,
                        connection);
                if (connected) {
                    handle(key);
                }
            } catch (IOException e) {
                note("stream " + connection.stream + ": " + e);
                connection.release();
            }
        }

        private void handle(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (!key.isValid()) {
                    return;
                }
                if (key.isConnectable() && channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                    channel.write(connection.request);
                    if (!connection.request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (key.isReadable()) {
                    int read;
                    do {
                        buffer.clear();
                        read = channel.read(buffer);
                        long now = System.nanoTime();
                        if (read > 0) {
                            buffer.flip();
                            connection.decoder.feed(buffer, now);
                        }
                    } while (read == buffer.capacity());
                    if (connection.decoder.status() > 0 && connection.decoder.status() != 200) {
                        note("stream " + connection.stream + ": HTTP " + connection.decoder.status());
                        connection.release();
                        closeQuietly(key);
                    } else if (read < 0 || connection.decoder.done()) {
                        if (!closing) {
                            note("stream " + connection.stream + " was closed by the gateway");
                        }
                        connection.release();
                        closeQuietly(key);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    note("stream " + connection.stream + " broke: " + e);
                }
                connection.release();
                closeQuietly(key);
            }
        }

        private void closeQuietly(SelectionKey key) {
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
