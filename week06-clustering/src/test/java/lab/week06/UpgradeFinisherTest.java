package lab.week06;

import java.util.Map;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.junit.LabAwait;
import lab.kit.junit.Lanes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static lab.kit.junit.LabAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test gets a new broker (in the test JVM, about 1 s) formatted with the features of Kafka 3.9, as
 * a rolling upgrade from 3.9 leaves a cluster: this release's code running, 3.9's metadata.version
 * finalized. These tests start their own broker, whatever -Dlab.broker says: the shared one was
 * formatted at this release's level.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.EMBEDDED)
@Tag("ex6.9")
@DisplayName("6.9 Finishing an upgrade: metadata.version")
class UpgradeFinisherTest {

    private static final MetadataVersion FROM = MetadataVersion.IBP_3_9_IV0;
    private static final short TARGET = MetadataVersion.latestProduction().featureLevel();

    private EmbeddedCluster cluster;
    private Admin admin;

    @BeforeEach
    void upgradedFrom39() {
        cluster = EmbeddedCluster.startAtRelease(1, FROM);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterEach
    void stop() {
        admin.close();
        cluster.close();
    }

    @Test
    @DisplayName("reads the level an upgrade from 3.9 leaves: 3.9's, though the broker could do more")
    void readsTheFinalizedLevel() throws Exception {
        assertThat(new UpgradeFinisher(admin).finalizedLevel()).as("metadata.version level of a cluster upgraded from"
                + " 3.9 (%s is level %d; this release's %s is level %d, what the broker supports, not what is finalized)",
                FROM.version(), FROM.featureLevel(), MetadataVersion.latestProduction().version(), TARGET)
                .isEqualTo(FROM.featureLevel());
    }

    @Test
    @DisplayName("raises it to this release's level, and a second run changes nothing")
    void raisesItOnce() throws Exception {
        var finisher = new UpgradeFinisher(admin);

        assertThat(finisher.finish(TARGET)).as("finish(%d) on a cluster at level %d: it raised the level", TARGET,
                FROM.featureLevel()).isTrue();

        LabAwait.until("metadata.version to reach level " + TARGET).untilAsserted(() -> assertThat(finalizedLevel())
                .as("metadata.version level after finishing the upgrade").isEqualTo(TARGET));
        assertThat(finisher.finish(TARGET)).as("finish(%d) again, on a cluster already there: nothing to do", TARGET).isFalse();
    }

    @Test
    @DisplayName("refuses a downgrade, naming both levels, and leaves the cluster as it was")
    void refusesADowngrade() throws Exception {
        var below = MetadataVersion.IBP_3_8_IV0.featureLevel();

        assertFails("finish(" + below + ") on a cluster at level " + FROM.featureLevel() + ": a downgrade",
                () -> new UpgradeFinisher(admin).finish(below))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(FROM.featureLevel())).hasMessageContaining(String.valueOf(below));
        assertThat(finalizedLevel()).as("metadata.version level after the refused downgrade").isEqualTo(FROM.featureLevel());
    }

    @Test
    @DisplayName("a level no node supports: the controller's refusal reaches the caller, nothing changes")
    void passesTheControllersRefusalOn() throws Exception {
        var unsupported = (short) (TARGET + 100);

        assertFails("finish(" + unsupported + "), a level this broker does not support: the controller refuses,"
                + " and the caller must hear it", () -> new UpgradeFinisher(admin).finish(unsupported))
                .hasMessageContaining(String.valueOf(unsupported));
        assertThat(finalizedLevel()).as("metadata.version level after the refused upgrade").isEqualTo(FROM.featureLevel());
    }

    /** The finalized level as the test reads it, apart from the learner's code. */
    private short finalizedLevel() throws Exception {
        return admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                .get(UpgradeFinisher.METADATA_VERSION).maxVersionLevel();
    }
}
