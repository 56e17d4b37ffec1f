package lab.week07;

/**
 * Exercise 7.11, a troubleshooting lab: "Kafka is slow, the producer keeps retrying". A producer's
 * retries say that requests went unanswered, not where. A cut between the clients and the brokers
 * leaves the cluster whole; a cut between brokers shows on the brokers first (a follower falls out of
 * the ISR), and the clients may retry as well, when leaders move. So the brokers' side is read first.
 */
public final class NetworkFault {

    private NetworkFault() {
    }

    /** Where the fault is, from both sides' signals over the same window. */
    public static FaultPlace locate(NetworkSignals signals) {
        if (signals.underReplicatedPartitions() > 0) {
            return FaultPlace.BROKER_LINK;
        }
        if (signals.producerRetries() > 0 || signals.producerErrors() > 0) {
            return FaultPlace.CLIENT_LINK;
        }
        return FaultPlace.NONE;
    }
}
