package lab.kit.faults;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP link between Kafka clients and a broker that can lose a broker's answer on the way back, the
 * way a flaky network does: the broker did the work (stored the records), the client never hears so,
 * times out and retries. It reads Kafka's wire framing (a 4-byte size, then the request header with
 * its api key and correlation id) to know which answers are answers to Produce requests.
 *
 * <pre>{@code
 * try (var link = FaultyLink.open()) {
 *     var cluster = EmbeddedCluster.startBehind(link);
 *     link.dropProduceResponses(1);   // the next acknowledgement is lost
 * }
 * }</pre>
 */
public final class FaultyLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultyLink.class);
    private static final short PRODUCE_API_KEY = 0;

    private final ServerSocket server;
    private final AtomicInteger produceResponsesToDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger swallowedWhileCut = new AtomicInteger();
    private final AtomicInteger closedOnReconnect = new AtomicInteger();
    private volatile boolean cut;
    private final CopyOnWriteArrayList<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile int targetPort = -1;

    private FaultyLink(ServerSocket server) {
        this.server = server;
    }

    /** Opens the link's port; {@link #forwardTo(int)} says where the broker is, once it is known. */
    public static FaultyLink open() {
        try {
            var server = new ServerSocket();
            server.bind(new InetSocketAddress("localhost", 0));
            var link = new FaultyLink(server);
            link.daemon("faulty-link-accept", link::acceptLoop).start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a local port for the faulty link", e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** The {@code bootstrap.servers} value that makes a client talk through the link. */
    public String bootstrapServers() {
        return "localhost:" + port();
    }

    public void forwardTo(int brokerPort) {
        this.targetPort = brokerPort;
    }

    /** The next {@code count} answers to Produce requests are swallowed instead of delivered. */
    public void dropProduceResponses(int count) {
        produceResponsesToDrop.set(count);
    }

    /**
     * Cuts the network: from now on every frame, both ways, is swallowed, as when a broker's host
     * drops off the network. Connections stay open, so clients notice only through their own timeouts
     * ({@code request.timeout.ms}, then {@code delivery.timeout.ms} for a producer).
     */
    public void cutOff() {
        swallowedWhileCut.set(0);
        cut = true;
        log.info("Faulty link: cut off (every frame is swallowed until reconnect())");
    }

    /**
     * Ends {@link #cutOff()}: frames flow again. Connections that lost a frame during the cut are closed,
     * as TCP connections that lived through a real outage end up: Kafka matches answers to requests by
     * order on a connection, so one that lost a request or an answer could never be trusted again. Clients
     * see a disconnect, and reconnect.
     */
    public void reconnect() {
        if (cut) {
            cut = false;
            var broken = connections.stream().filter(Connection::lostFrames).toList();
            broken.forEach(Connection::close);
            connections.removeAll(broken);
            closedOnReconnect.addAndGet(broken.size());
            log.info("Faulty link: reconnected after swallowing {} frame(s); closed {} connection(s) that lost frames",
                    swallowedWhileCut.get(), broken.size());
        }
    }

    /** Ends every fault a test set up: reconnects, and cancels drops not used yet. The kit calls it after each test. */
    public void restore() {
        reconnect();
        produceResponsesToDrop.set(0);
    }

    public boolean isCutOff() {
        return cut;
    }

    /** How many frames (requests and answers) were swallowed during the latest cut. */
    public int framesSwallowedWhileCut() {
        return swallowedWhileCut.get();
    }

    /** How many connections {@link #reconnect()} closed because they lost frames while cut. */
    public int connectionsClosedOnReconnect() {
        return closedOnReconnect.get();
    }

    /** How many answers the link has swallowed so far. */
    public int droppedResponses() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                var broker = new Socket("localhost", targetPort);
                var connection = new Connection(client, broker, new AtomicBoolean());
                connections.add(connection);
                Set<Integer> produceRequests = ConcurrentHashMap.newKeySet();
                daemon("faulty-link-up", () -> pump(client, broker, frame -> {
                    if (swallowWhileCut(connection)) {
                        return false;
                    }
                    if (frame.getShort(0) == PRODUCE_API_KEY) {
                        produceRequests.add(frame.getInt(4));
                    }
                    return true;
                })).start();
                daemon("faulty-link-down", () -> pump(broker, client,
                        frame -> !swallowWhileCut(connection) && !(produceRequests.remove(frame.getInt(0)) && takeDrop())))
                        .start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("Faulty link: a connection failed", e);
                }
            }
        }
    }

    private boolean swallowWhileCut(Connection connection) {
        if (cut) {
            swallowedWhileCut.incrementAndGet();
            connection.lostFrame().set(true);
            return true;
        }
        return false;
    }

    private boolean takeDrop() {
        if (produceResponsesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            dropped.incrementAndGet();
            log.info("Faulty link: dropped a Produce response (the broker stored the records; the client will not know)");
            return true;
        }
        return false;
    }

    /** Copies size-prefixed frames from one socket to the other, forwarding those {@code pass} accepts. */
    private static void pump(Socket from, Socket to, FrameFilter pass) {
        try (var in = new DataInputStream(from.getInputStream()); var out = new DataOutputStream(to.getOutputStream())) {
            while (true) {
                var size = in.readInt();
                var frame = new byte[size];
                in.readFully(frame);
                if (pass.forward(ByteBuffer.wrap(frame))) {
                    out.writeInt(size);
                    out.write(frame);
                    out.flush();
                }
            }
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private Thread daemon(String name, Runnable body) {
        var thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket the other side already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        connections.forEach(Connection::close);
    }

    /** One client connection through the link, and whether it lost a frame while the link was cut. */
    private record Connection(Socket client, Socket broker, AtomicBoolean lostFrame) {
        boolean lostFrames() {
            return lostFrame.get();
        }

        void close() {
            closeQuietly(client);
            closeQuietly(broker);
        }
    }

    @FunctionalInterface
    private interface FrameFilter {
        boolean forward(ByteBuffer frame);
    }
}
