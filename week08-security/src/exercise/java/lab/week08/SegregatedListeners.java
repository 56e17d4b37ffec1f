package lab.week08;

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
        // TODO 8.11: two listeners and what each one asks of whoever connects; which one the brokers use.
        throw new UnsupportedOperationException("Exercise 8.11 not done yet: see HINTS.md#811");
    }
}
