package lab.kit.broker;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * A cluster the learner started themselves (e.g. from {@code docker/}), reached at
 * {@code -Dlab.bootstrap=host:port}. The lab checks it answers before any test runs.
 */
public final class ExternalCluster implements LabCluster {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String bootstrapServers;
    private final Set<Integer> brokerIds;

    private ExternalCluster(String bootstrapServers, Set<Integer> brokerIds) {
        this.bootstrapServers = bootstrapServers;
        this.brokerIds = brokerIds;
    }

    /** Connects to {@code bootstrapServers} and checks it has at least {@code brokers} brokers. */
    public static ExternalCluster connect(String bootstrapServers, int brokers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new LabSetupException("-D" + BrokerSource.PROPERTY + "=external needs the cluster's address:"
                    + " add -D" + BrokerSource.BOOTSTRAP_PROPERTY + "=host:port (e.g. localhost:9092), or use:\n"
                    + BrokerSource.EXTERNAL.alternatives());
        }
        var ids = brokerIdsAt(bootstrapServers);
        if (ids.size() < brokers) {
            throw new ShapeNotServed("This test needs a cluster of " + brokers + " brokers, but the one at "
                    + bootstrapServers + " has " + ids.size() + " " + ids + ". Start docker/cluster, or use -D"
                    + BrokerSource.PROPERTY + "=embedded.");
        }
        return new ExternalCluster(bootstrapServers, ids);
    }

    private static Set<Integer> brokerIdsAt(String bootstrapServers) {
        var config = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CONNECT_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CONNECT_TIMEOUT_MS);
        try (var admin = Admin.create(config)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(CONNECT_TIMEOUT_MS))
                    .nodes().get(CONNECT_TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS);
            var ids = new TreeSet<Integer>();
            nodes.stream().map(Node::id).forEach(ids::add);
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while connecting to " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unreachable(bootstrapServers, e);
        }
    }

    private static LabSetupException unreachable(String bootstrapServers, Exception cause) {
        var reason = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        return new LabSetupException("No Kafka answered at -D" + BrokerSource.BOOTSTRAP_PROPERTY + "="
                + bootstrapServers + " within " + CONNECT_TIMEOUT_MS / 1000 + " s (" + reason + ")."
                + " Is the cluster running (docker compose ps), and is that its advertised address? Or use:\n"
                + BrokerSource.EXTERNAL.alternatives(), cause);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Set<Integer> brokerIds() {
        return brokerIds;
    }

    @Override
    public String describe() {
        return "external at " + bootstrapServers + ", " + brokerIds.size() + " broker(s)";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
