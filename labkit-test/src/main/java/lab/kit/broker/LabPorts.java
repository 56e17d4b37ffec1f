package lab.kit.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers the lab starts in other processes (brokers, controllers, containers).
 *
 * <p>A port from {@code new ServerSocket(0)} is free when asked, but it comes from the operating
 * system's ephemeral range, the same range every outgoing connection takes its local port from: between
 * the question and the broker's bind, a client connection may take it ("Address already in use"). Ports
 * below that range are never handed to outgoing connections, so only another server could take one.
 */
public final class LabPorts {

    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    /** Handed out in this JVM: free now, but maybe not yet bound by the server it was meant for. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LabPorts() {
    }

    /** A port that nothing listens on now, outside the ephemeral range. */
    public static int free() {
        var below = ephemeralRangeStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (canBind(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new LabSetupException("No free port between " + LOWEST + " and " + below + " after " + ATTEMPTS + " tries.");
    }

    private static boolean canBind(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux says where its ephemeral range starts; elsewhere, 32768 (Linux's default; Windows and macOS start higher). */
    private static int ephemeralRangeStart() {
        var range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                var start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                return Math.max(LOWEST + 1_000, start);
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the default below
        }
        return 32_768;
    }
}
