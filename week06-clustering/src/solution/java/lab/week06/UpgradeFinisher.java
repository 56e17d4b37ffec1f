package lab.week06;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;

/**
 * Exercise 6.9: the last step of a rolling upgrade. Once every node runs the new Kafka (6.4's rolling
 * restart), the cluster still works at the old release's {@code metadata.version}, a feature level
 * finalized for the whole cluster, and what the new release brings stays off. Raising it is an
 * operator's decision, taken once no node will go back to the old software, because Kafka 4 cannot lower
 * {@code metadata.version} again.
 */
public final class UpgradeFinisher {

    /** The feature's name in the features API and in {@code kafka-features}. */
    public static final String METADATA_VERSION = "metadata.version";

    private final Admin admin;

    public UpgradeFinisher(Admin admin) {
        this.admin = admin;
    }

    /** The {@code metadata.version} level the cluster works at now (its finalized level). */
    public short finalizedLevel() throws ExecutionException, InterruptedException {
        var finalized = admin.describeFeatures().featureMetadata().get().finalizedFeatures().get(METADATA_VERSION);
        if (finalized == null) {
            throw new IllegalStateException("The cluster reports no finalized " + METADATA_VERSION);
        }
        return finalized.maxVersionLevel();
    }

    /**
     * Raises {@code metadata.version} to {@code targetLevel}. Returns true when it raised it, false when
     * the cluster was there already (a procedure may run twice). A target below the finalized level is
     * refused with an {@link IllegalArgumentException} that names both levels: a downgrade is no part of an
     * upgrade. A level some node does not support is refused by the controller, and that failure reaches
     * the caller.
     */
    public boolean finish(short targetLevel) throws ExecutionException, InterruptedException {
        var current = finalizedLevel();
        if (targetLevel < current) {
            throw new IllegalArgumentException(METADATA_VERSION + " is at level " + current + "; level " + targetLevel
                    + " would be a downgrade, which is no part of an upgrade (and Kafka 4 does not do it)");
        }
        if (targetLevel == current) {
            return false;
        }
        var upgrade = new FeatureUpdate(targetLevel, FeatureUpdate.UpgradeType.UPGRADE);
        // Waited for: the controller checks that every registered node supports the level, and says no here.
        admin.updateFeatures(Map.of(METADATA_VERSION, upgrade), new UpdateFeaturesOptions()).all().get();
        return true;
    }
}
