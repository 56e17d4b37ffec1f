package lab.week06;

import java.util.Map;

/**
 * Exercise 6.2: listeners and advertised listeners. A broker listens on one port per listener, and tells
 * each client which address to use next: the advertised address of the listener the client came in on.
 * Clients bootstrap anywhere, then connect only to advertised addresses. A broker that advertises an
 * address its clients cannot reach passes every bootstrap and then fails every request.
 *
 * <p>Here a broker has two listeners: INTERNAL, for the other brokers (replication), and EXTERNAL, for
 * clients, who know the broker as {@code externalHost}. The controllers' listener is named CONTROLLER
 * (the kit sets {@code controller.listener.names}); every listener name needs a security protocol.
 */
public final class ListenerLayout {

    private ListenerLayout() {
    }

    /**
     * The broker settings for that layout, as server.properties keys: {@code listeners},
     * {@code advertised.listeners}, {@code listener.security.protocol.map} (all PLAINTEXT this week) and
     * {@code inter.broker.listener.name}.
     */
    public static Map<String, String> settings(String internalHost, int internalPort, String externalHost, int externalPort) {
        return Map.of(
                // Where the broker binds: 0.0.0.0 for EXTERNAL, as behind a load balancer or in a container,
                // where the name clients use is not an address of this machine.
                "listeners", "INTERNAL://" + internalHost + ":" + internalPort + ",EXTERNAL://0.0.0.0:" + externalPort,
                // What it tells clients to use, per listener: never 0.0.0.0, always a name they can reach.
                "advertised.listeners", "INTERNAL://" + internalHost + ":" + internalPort
                        + ",EXTERNAL://" + externalHost + ":" + externalPort,
                // A listener name is not a protocol: each one is mapped, the controllers' too.
                "listener.security.protocol.map", "INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "INTERNAL");
    }
}
