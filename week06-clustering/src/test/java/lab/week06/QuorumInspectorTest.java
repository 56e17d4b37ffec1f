package lab.week06;

import java.util.concurrent.atomic.AtomicReference;

import lab.kit.broker.ProcessCluster;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.process.KafkaCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/** Three brokers and a quorum of three controllers, each its own process: a controller can really die. */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.QUORUM_CLUSTER)
@WithKafka(brokers = 3, processes = true, controllers = 3)
@Tag("ex6.1")
@DisplayName("6.1 The KRaft controller quorum")
class QuorumInspectorTest {

    @Test
    @DisplayName("the three controllers vote, the brokers observe, and a controller leads")
    void votersAndObservers(KafkaLab kafka) throws Exception {
        var cluster = (ProcessCluster) kafka.cluster();

        var status = new QuorumInspector(kafka.admin()).status();

        assertThat(status.voters()).as("voters: the controller nodes %s", cluster.controllerIds())
                .containsExactlyInAnyOrderElementsOf(cluster.controllerIds());
        assertThat(status.observers()).as("observers: the brokers %s follow the metadata log without a vote",
                cluster.brokerIds()).containsAll(cluster.brokerIds());
        assertThat(status.leaderId()).as("the leader (the active controller) is one of the voters %s. A broker id here"
                + " comes from describeCluster().controller(), which in KRaft names a broker", status.voters())
                .isIn(status.voters());
    }

    @Test
    @DisplayName("reports the same leader as Kafka's own kafka-metadata-quorum")
    void sameAsKafkasTool(KafkaLab kafka) throws Exception {
        var cluster = (ProcessCluster) kafka.cluster();

        var status = new QuorumInspector(kafka.admin()).status();
        var tool = KafkaCli.run(KafkaCli.Tool.METADATA_QUORUM, "--bootstrap-controller", cluster.bootstrapControllers(),
                "describe", "--status");

        assertThat(tool.output()).as("kafka-metadata-quorum describe --status").contains("LeaderId:");
        assertThat(tool.output()).as("kafka-metadata-quorum's LeaderId and LeaderEpoch, beside the inspector's %s", status)
                .containsPattern("LeaderId:\\s+" + status.leaderId() + "\\b")
                .containsPattern("LeaderEpoch:\\s+" + status.leaderEpoch() + "\\b");
    }

    @Test
    @DisplayName("the leader lags by 0; a voter that stopped falls further behind than the running ones")
    void lagOfAStoppedVoter(KafkaLab kafka) throws Exception {
        var cluster = (ProcessCluster) kafka.cluster();
        var inspector = new QuorumInspector(kafka.admin());
        var leader = inspector.status().leaderId();
        var follower = cluster.controllerIds().stream().filter(id -> id != leader).findFirst().orElseThrow();

        cluster.killNode(follower);

        // The active controller appends a no-op record to the metadata log every 500 ms, so the log grows
        // even when nothing changes: a dead voter's lag keeps growing.
        var seen = new AtomicReference<QuorumStatus>();
        LabAwait.until("controller " + follower + " to fall behind").untilAsserted(() -> {
            seen.set(inspector.status());
            assertThat(seen.get().lagByVoter().get(follower)).as("lag of the stopped voter %d in %s: the leader's log"
                    + " end offset minus the voter's", follower, seen.get()).isGreaterThan(10L);
        });
        var status = seen.get();
        assertThat(status.lagByVoter()).as("a lag for each voter").containsOnlyKeys(cluster.controllerIds());
        assertThat(status.lagByVoter().get(status.leaderId())).as("the leader's own lag, in %s", status).isZero();
        status.lagByVoter().forEach((voter, lag) -> {
            if (!voter.equals(follower)) {
                assertThat(lag).as("lag of running voter %d, beside the stopped voter's %d, in %s: is lag the difference"
                        + " of log end offsets?", voter, status.lagByVoter().get(follower), status)
                        .isLessThan(status.lagByVoter().get(follower));
            }
        });
    }

    @Test
    @DisplayName("when the active controller is killed, another controller is elected in a new epoch")
    void newLeaderAfterKill(KafkaLab kafka) throws Exception {
        var cluster = (ProcessCluster) kafka.cluster();
        var inspector = new QuorumInspector(kafka.admin());
        var before = inspector.status();

        cluster.killNode(before.leaderId());

        var after = new AtomicReference<QuorumStatus>();
        LabAwait.until("a new active controller after " + before.leaderId() + " was killed").untilAsserted(() -> {
            after.set(inspector.status());
            assertThat(after.get().leaderId()).as("the leader after controller %d was killed: is the quorum asked again"
                    + " on every call?", before.leaderId()).isNotEqualTo(before.leaderId()).isNotEqualTo(-1);
        });
        assertThat(after.get().leaderEpoch()).as("the epoch: every election starts a new one").isGreaterThan(before.leaderEpoch());
        assertThat(after.get().voters()).as("voters: a dead controller keeps its vote; it is just not answering")
                .contains(before.leaderId());
    }
}
