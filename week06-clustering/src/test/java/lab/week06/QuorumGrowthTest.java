package lab.week06;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import lab.kit.broker.BrokerSource;
import lab.kit.broker.ProcessCluster;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A broker and three controller processes, formatted for a dynamic quorum: controller 3000 alone votes
 * ({@code --standalone}); 3001 and 3002 start without a vote ({@code --no-initial-controllers}) and follow
 * the metadata log as observers. Every test starts from that quorum.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.OWN_CLUSTERS)
@Tag("ex6.11")
@DisplayName("6.11 Growing the controller quorum")
class QuorumGrowthTest {

    private static final int FIRST = 3000;
    private static final int SECOND = 3001;
    private static final int THIRD = 3002;

    private static ProcessCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void start() {
        assumeThat(BrokerSource.fromSystemProperties()).as("6.11 formats its own controllers for a dynamic quorum: it runs"
                + " on the kit's processes (-Dlab.broker=embedded) only").isEqualTo(BrokerSource.EMBEDDED);
        cluster = ProcessCluster.builder().brokers(1).controllers(3).dynamicQuorum().start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Back to the quorum as formatted: every controller running, 3000 the only voter, the others observing. */
    @BeforeEach
    void oneVoter() throws Exception {
        cluster.controllerIds().forEach(cluster::startBroker);
        var quorum = quorum();
        var others = quorum.voters().stream().filter(voter -> voter.replicaId() != FIRST)
                .sorted(Comparator.comparing(voter -> voter.replicaId() == quorum.leaderId())) // the leader last
                .toList();
        for (var voter : others) {
            admin.removeRaftVoter(voter.replicaId(), voter.replicaDirectoryId()).all().get();
        }
        LabAwait.until("controller " + FIRST + " voting alone, " + SECOND + " and " + THIRD + " observing").atMost(Duration.ofSeconds(60))
                .ignoreExceptions().until(() -> {
                    var now = quorum();
                    return ids(now.voters()).equals(Set.of(FIRST)) && ids(now.observers()).containsAll(Set.of(SECOND, THIRD));
                });
    }

    @Test
    @DisplayName("makes a running observer a voter, known by its node id and its metadata directory's id")
    void addsAnObserver() throws Exception {
        var growth = new QuorumGrowth(admin);

        assertThatCode(() -> growth.addVoter(SECOND, endpointOf(SECOND))).as("adding controller %d as a voter, its"
                + " directory id taken from the quorum's description", SECOND).doesNotThrowAnyException();

        assertThat(directoryIds(quorum().voters())).as("the voters and their directory ids; %d's is %s in its meta.properties",
                SECOND, directoryIdOnDisk(SECOND)).containsEntry(SECOND, directoryIdOnDisk(SECOND)).containsKey(FIRST);
    }

    @Test
    @DisplayName("a quorum grown to three voters elects a new leader when its leader is killed")
    void grownQuorumSurvivesItsLeader() throws Exception {
        var growth = new QuorumGrowth(admin);
        growth.addVoter(SECOND, endpointOf(SECOND));
        growth.addVoter(THIRD, endpointOf(THIRD));
        assertThat(ids(quorum().voters())).as("voters after adding two").containsExactlyInAnyOrder(FIRST, SECOND, THIRD);
        var leader = quorum().leaderId();

        cluster.killNode(leader);

        LabAwait.until("a new leader among the two voters left, after " + leader + " was killed").atMost(Duration.ofSeconds(30))
                .ignoreExceptions().until(() -> quorum().leaderId() != leader && ids(quorum().voters()).contains(quorum().leaderId()));
        admin.createTopics(Set.of(new NewTopic("after-the-leader-" + leader, 1, (short) 1))).all().get();
    }

    @Test
    @DisplayName("takes a voter out: it goes on as an observer")
    void removesAVoter() throws Exception {
        var growth = new QuorumGrowth(admin);
        growth.addVoter(SECOND, endpointOf(SECOND));

        assertThatCode(() -> growth.removeVoter(SECOND)).as("removing voter %d, with its directory id", SECOND)
                .doesNotThrowAnyException();

        LabAwait.until("controller " + SECOND + " back among the observers").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ids(quorum().observers())).as("observers").contains(SECOND));
        assertThat(ids(quorum().voters())).as("voters after removing %d", SECOND).containsExactly(FIRST);
    }

    @Test
    @DisplayName("refuses a controller that is not an observer: a voter already, or none that runs")
    void refusesWhatIsNotAnObserver() {
        var growth = new QuorumGrowth(admin);

        var voterAlready = catchThrowable(() -> growth.addVoter(FIRST, endpointOf(FIRST)));
        var nobody = catchThrowable(() -> growth.addVoter(3009, new RaftVoterEndpoint("CONTROLLER", "localhost", 9)));

        assertThat(voterAlready).as("addVoter(%d), a voter already", FIRST).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(FIRST));
        assertThat(nobody).as("addVoter(3009), a controller nobody started").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3009");
    }

    /** The controller listener of a node, as its own configuration names it. */
    private static RaftVoterEndpoint endpointOf(int controllerId) {
        return new RaftVoterEndpoint("CONTROLLER", "localhost", cluster.port(controllerId));
    }

    /** What the format step wrote into the node's metadata directory: the id the quorum must know it by. */
    private static Uuid directoryIdOnDisk(int nodeId) throws Exception {
        var properties = new Properties();
        try (var in = Files.newInputStream(Path.of(cluster.nodeConfig(nodeId).get("log.dirs"), "meta.properties"))) {
            properties.load(in);
        }
        return Uuid.fromString(properties.getProperty("directory.id"));
    }

    private static QuorumInfo quorum() throws Exception {
        return admin.describeMetadataQuorum().quorumInfo().get();
    }

    private static Set<Integer> ids(java.util.List<QuorumInfo.ReplicaState> replicas) {
        return replicas.stream().map(QuorumInfo.ReplicaState::replicaId).collect(Collectors.toSet());
    }

    private static Map<Integer, Uuid> directoryIds(java.util.List<QuorumInfo.ReplicaState> replicas) {
        return replicas.stream().collect(Collectors.toMap(QuorumInfo.ReplicaState::replicaId, QuorumInfo.ReplicaState::replicaDirectoryId));
    }
}
