package lab.kit.faults;

import java.util.Set;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.broker.LabCluster;

/**
 * One embedded broker that clients reach only through a {@link FaultyLink}: the broker advertises the
 * link's port, so after bootstrapping every request and answer still passes the link, and a test can
 * cut the network ({@link FaultyLink#cutOff()}) or lose single answers. Always embedded: a container or
 * an external cluster cannot be made to advertise the link.
 */
public final class LinkedCluster implements LabCluster {

    private final FaultyLink link;
    private final EmbeddedCluster cluster;

    private LinkedCluster(FaultyLink link, EmbeddedCluster cluster) {
        this.link = link;
        this.cluster = cluster;
    }

    public static LinkedCluster start() {
        var link = FaultyLink.open();
        try {
            var cluster = EmbeddedCluster.startAdvertising(link.port());
            link.forwardTo(cluster.linkListenerPort());
            return new LinkedCluster(link, cluster);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    public FaultyLink link() {
        return link;
    }

    /** Through the link. */
    @Override
    public String bootstrapServers() {
        return link.bootstrapServers();
    }

    @Override
    public Set<Integer> brokerIds() {
        return cluster.brokerIds();
    }

    @Override
    public String describe() {
        return "embedded, 1 broker behind a faulty link";
    }

    @Override
    public void close() {
        link.close();
        cluster.close();
    }
}
