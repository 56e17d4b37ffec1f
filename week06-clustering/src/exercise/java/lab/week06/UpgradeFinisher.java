package lab.week06;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

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
        // TODO 6.9: the level the cluster has finalized, not what the broker you ask could support.
        throw new UnsupportedOperationException("Exercise 6.9 not done yet: see HINTS.md#69");
    }

    /**
     * Raises {@code metadata.version} to {@code targetLevel}. Returns true when it raised it, false when
     * the cluster was there already (a procedure may run twice). A target below the finalized level is
     * refused with an {@link IllegalArgumentException} that names both levels: a downgrade is no part of an
     * upgrade. A level some node does not support is refused by the controller, and that failure reaches
     * the caller.
     */
    public boolean finish(short targetLevel) throws ExecutionException, InterruptedException {
        // TODO 6.9: only ever upwards, and only once; a refusal from the controller must not pass unnoticed.
        throw new UnsupportedOperationException("Exercise 6.9 not done yet: see HINTS.md#69");
    }
}
