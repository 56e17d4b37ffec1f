package lab.week07;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnectorFactory;

import lab.kit.broker.ProcessCluster;
import lab.kit.junit.KafkaLab;

import static org.assertj.core.api.Assumptions.assumeThat;

/** JMX connections to the nodes of the kit's broker processes, closed after the test. */
final class Jmx {

    private Jmx() {
    }

    /** The cluster, when it is one the lab can read over JMX; the test is skipped otherwise. */
    static ProcessCluster processes(KafkaLab kafka) {
        assumeThat(kafka.cluster()).as("week 7 reads each node's metrics over its JMX port: the kit's broker processes"
                + " (-Dlab.broker=embedded) serve one; %s does not", kafka.cluster().describe())
                .isInstanceOf(ProcessCluster.class);
        return (ProcessCluster) kafka.cluster();
    }

    /** A connection to node {@code nodeId}'s JVM (a broker id, or a controller id from 3000). */
    static MBeanServerConnection of(KafkaLab kafka, int nodeId) {
        try {
            return kafka.closeAfterTest(JMXConnectorFactory.connect(processes(kafka).jmxUrl(nodeId))).getMBeanServerConnection();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Node " + nodeId + " does not answer on its JMX port: is it running?", e);
        }
    }
}
