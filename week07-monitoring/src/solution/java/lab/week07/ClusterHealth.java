package lab.week07;

import java.io.IOException;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Exercise 7.1: the metrics that tell whether a cluster is healthy, read over JMX as a monitoring agent
 * reads them. Each broker reports the partitions it leads; the controllers report the cluster as a whole,
 * and in KRaft only the active controller knows it: a metric read from one node of the cluster is often
 * the wrong one, or a zero.
 */
public final class ClusterHealth {

    private static final String ACTIVE_CONTROLLERS = "kafka.controller:type=KafkaController,name=ActiveControllerCount";

    private ClusterHealth() {
    }

    /** One broker's health gauges, read from its JVM. */
    public static BrokerGauges brokerGauges(MBeanServerConnection broker) throws IOException, JMException {
        var underReplicated = intValue(broker, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions");
        var underMinIsr = intValue(broker, "kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount");
        // A meter, not a gauge: its one-minute rate is the idle fraction; its count only adds up idle time.
        var handlerIdle = ((Number) broker.getAttribute(
                new ObjectName("kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent"), "OneMinuteRate"))
                .doubleValue();
        var networkIdle = ((Number) broker.getAttribute(
                new ObjectName("kafka.network:type=SocketServer,name=NetworkProcessorAvgIdlePercent"), "Value")).doubleValue();
        return new BrokerGauges(underReplicated, underMinIsr, handlerIdle, networkIdle);
    }

    /** Active controllers over all the controller nodes given: 1 in a healthy cluster, whichever node it is. */
    public static int activeControllers(List<MBeanServerConnection> controllers) throws IOException, JMException {
        var sum = 0;
        for (var controller : controllers) {
            sum += intValue(controller, ACTIVE_CONTROLLERS); // each node says 1 or 0: only the sum is the answer
        }
        return sum;
    }

    /** Partitions without a leader, as the active controller counts them; the other controllers do not keep count. */
    public static int offlinePartitions(List<MBeanServerConnection> controllers) throws IOException, JMException {
        for (var controller : controllers) {
            if (intValue(controller, ACTIVE_CONTROLLERS) == 1) {
                return intValue(controller, "kafka.controller:type=KafkaController,name=OfflinePartitionsCount");
            }
        }
        throw new IllegalStateException("None of the " + controllers.size() + " controllers is active: the quorum has no"
                + " leader, and no node can count offline partitions");
    }

    private static int intValue(MBeanServerConnection jvm, String name) throws IOException, JMException {
        return ((Number) jvm.getAttribute(new ObjectName(name), "Value")).intValue();
    }
}
