package lab.week07;

import java.io.IOException;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServerConnection;

/**
 * Exercise 7.1: the metrics that tell whether a cluster is healthy, read over JMX as a monitoring agent
 * reads them. Each broker reports the partitions it leads; the controllers report the cluster as a whole,
 * and in KRaft only the active controller knows it: a metric read from one node of the cluster is often
 * the wrong one, or a zero.
 */
public final class ClusterHealth {

    private ClusterHealth() {
    }

    /** One broker's health gauges, read from its JVM. */
    public static BrokerGauges brokerGauges(MBeanServerConnection broker) throws IOException, JMException {
        // TODO 7.1: four MBeans of the broker; an idle fraction is between 0 and 1, whatever kind of metric holds it.
        throw new UnsupportedOperationException("Exercise 7.1 not done yet: see HINTS.md#71");
    }

    /** Active controllers over all the controller nodes given: 1 in a healthy cluster, whichever node it is. */
    public static int activeControllers(List<MBeanServerConnection> controllers) throws IOException, JMException {
        // TODO 7.1: every controller node answers for itself only.
        throw new UnsupportedOperationException("Exercise 7.1 not done yet: see HINTS.md#71");
    }

    /** Partitions without a leader, as the active controller counts them; the other controllers do not keep count. */
    public static int offlinePartitions(List<MBeanServerConnection> controllers) throws IOException, JMException {
        // TODO 7.1: ask the one node that knows; without an active controller there is no answer to give.
        throw new UnsupportedOperationException("Exercise 7.1 not done yet: see HINTS.md#71");
    }
}
