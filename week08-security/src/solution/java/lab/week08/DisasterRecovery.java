package lab.week08;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.RemoteClusterUtils;

/**
 * Exercise 8.12: disaster recovery. MirrorMaker 2 copies the shop's topics from the primary cluster to a
 * backup cluster in another data centre, with their configs, and records where the shop's consumer groups
 * were: it writes checkpoints to the backup, each translating a group's committed offset on the primary
 * into the offset of the same record on the backup, where offsets differ. When the primary is lost, each
 * consumer group resumes on the backup from its translated offsets: nothing is lost, and the records
 * read twice are at most the gap between two offset syncs.
 */
public final class DisasterRecovery {

    /** The clusters' aliases, as MirrorMaker names them in its settings and in the topics it makes. */
    public static final String PRIMARY = "primary";
    public static final String BACKUP = "backup";
    /** The shop bills an order read twice only once, but wants to look at no more than this many per partition. */
    public static final int MAX_REREAD_PER_PARTITION = 10;

    private DisasterRecovery() {
    }

    /**
     * MirrorMaker 2's settings (dedicated mode, as in connect-mirror-maker.properties): copy every shop
     * topic ({@code shop.*}) and the checkpoints of every shop consumer group ({@code shop-*}) from the
     * primary to the backup, and nothing back. In the lab MirrorMaker should notice new topics and groups,
     * and write checkpoints and topic configs, every second; and the offsets it translates must never be
     * more than {@link #MAX_REREAD_PER_PARTITION} records behind a group's committed offset.
     */
    public static Map<String, String> mirrorSettings(String primaryBootstrap, String backupBootstrap) {
        return Map.ofEntries(
                Map.entry("clusters", PRIMARY + ", " + BACKUP),
                Map.entry(PRIMARY + ".bootstrap.servers", primaryBootstrap),
                Map.entry(BACKUP + ".bootstrap.servers", backupBootstrap),
                // One direction only: the backup is written by MirrorMaker, not by the shop.
                Map.entry(PRIMARY + "->" + BACKUP + ".enabled", "true"),
                Map.entry(BACKUP + "->" + PRIMARY + ".enabled", "false"),
                Map.entry(PRIMARY + "->" + BACKUP + ".topics", "shop\\..*"),
                Map.entry(PRIMARY + "->" + BACKUP + ".groups", "shop-.*"),
                // Defaults are minutes (10 for new topics and groups, 1 for checkpoints): a second in the lab.
                Map.entry("refresh.topics.interval.seconds", "1"),
                Map.entry("refresh.groups.interval.seconds", "1"),
                Map.entry("emit.checkpoints.interval.seconds", "1"),
                Map.entry("sync.topic.configs.interval.seconds", "1"),
                // An offset sync (primary offset = backup offset) at least every this many records: a
                // checkpoint translates to the last sync before the committed offset, so this bounds the
                // records a group reads again after a failover (100 by default).
                Map.entry("offset.lag.max", Integer.toString(MAX_REREAD_PER_PARTITION)));
    }

    /** The name {@code topic} of the primary has on the backup: MirrorMaker prefixes the source's alias. */
    public static String topicOnBackup(String topic) {
        return PRIMARY + "." + topic;
    }

    /**
     * Where {@code group} resumes on the backup, per partition of the mirrored topics: its committed offsets
     * on the primary, translated by the latest checkpoints. Reads only the backup ({@code backupClient}
     * holds its bootstrap servers): the primary is gone.
     */
    public static Map<TopicPartition, OffsetAndMetadata> resumeOffsets(Map<String, Object> backupClient, String group)
            throws InterruptedException, TimeoutException {
        return RemoteClusterUtils.translateOffsets(backupClient, PRIMARY, group, Duration.ofSeconds(5));
    }
}
