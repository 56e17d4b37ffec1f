package lab.week08;

import java.util.HashMap;
import java.util.Map;

/**
 * Exercise 8.11: network segregation. A broker has one listener per kind of peer, each on its own port,
 * so that each can be secured, firewalled and watched on its own: CLIENTS for the shop's services, and
 * REPLICATION for the other brokers, whose traffic is every record again. Clients must not be able to use
 * the brokers' door even if they can reach its port: it accepts only peers showing a certificate from the
 * brokers' own CA. Controllers have their own listener, CONTROLLER, on their own nodes (the kit sets
 * {@code controller.listener.names} and the quorum's addresses).
 */
public final class SegregatedListeners {

    private SegregatedListeners() {
    }

    /**
     * The listener settings of a broker on localhost, as server.properties keys: CLIENTS at
     * {@code clientsPort} over TLS, showing {@code clientKeys} (signed by the shop's CA, which the services
     * trust); REPLICATION at {@code replicationPort} over TLS in both directions, showing {@code brokerKeys}
     * and accepting only peers whose certificate {@code brokersCa} signed; the brokers replicate over
     * REPLICATION. Every listener name needs a security protocol, CONTROLLER's (plaintext in the lab) too.
     */
    public static Map<String, String> brokerSettings(int clientsPort, int replicationPort, Keystore clientKeys,
                                                     Keystore brokerKeys, Truststore brokersCa) {
        var settings = new HashMap<String, String>();
        var listeners = "CLIENTS://localhost:" + clientsPort + ",REPLICATION://localhost:" + replicationPort;
        settings.put("listeners", listeners);
        // Each listener advertises itself: a client that came in on CLIENTS is told only CLIENTS addresses.
        settings.put("advertised.listeners", listeners);
        settings.put("listener.security.protocol.map", "CLIENTS:SSL,REPLICATION:SSL,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "REPLICATION");
        keystore(settings, "clients", clientKeys);
        // The inter-broker listener's settings serve both ends: the broker that accepts a fetch and the one
        // that sends it.
        keystore(settings, "replication", brokerKeys);
        settings.put("listener.name.replication.ssl.truststore.location", brokersCa.path().toString());
        settings.put("listener.name.replication.ssl.truststore.password", brokersCa.password());
        settings.put("listener.name.replication.ssl.truststore.type", brokersCa.type());
        // Only a peer with a brokers' certificate gets in: a client that trusts the brokers' CA is not one.
        settings.put("listener.name.replication.ssl.client.auth", "required");
        return settings;
    }

    private static void keystore(Map<String, String> settings, String listener, Keystore keys) {
        var prefix = "listener.name." + listener + ".ssl.";
        settings.put(prefix + "keystore.location", keys.path().toString());
        settings.put(prefix + "keystore.password", keys.password());
        settings.put(prefix + "key.password", keys.password());
        settings.put(prefix + "keystore.type", keys.type());
    }
}
