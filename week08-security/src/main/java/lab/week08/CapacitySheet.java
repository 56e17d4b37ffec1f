package lab.week08;

import java.util.List;

/**
 * The names of a capacity plan workbook's cells (8.14). A planner reads {@code =brokers_for_disk} more easily
 * than {@code =B21}, a program finds a cell by its name wherever it sits, and the names work alike in
 * LibreOffice and Excel (Formulas, Name Manager). Each name refers to one cell of the sheet {@link #SHEET}.
 */
public final class CapacitySheet {

    public static final String SHEET = "Capacity plan";

    // The inputs, one per component of CapacityInputs, in its order.
    public static final String PEAK_RECORDS_PER_SECOND = "peak_records_per_second";
    public static final String AVERAGE_RECORD_BYTES = "average_record_bytes";
    public static final String COMPRESSION_RATIO = "compression_ratio";
    public static final String RETENTION_HOURS = "retention_hours";
    public static final String REPLICATION_FACTOR = "replication_factor";
    public static final String HEADROOM = "headroom";
    public static final String CONSUMER_GROUPS = "consumer_groups";
    public static final String PARTITION_MB_PER_SECOND = "partition_mb_per_second";
    public static final String BROKER_DISK_GB = "broker_disk_gb";
    public static final String BROKER_NETWORK_MB_PER_SECOND = "broker_network_mb_per_second";
    public static final String BROKER_MAX_PARTITIONS = "broker_max_partitions";
    public static final List<String> INPUTS = List.of(PEAK_RECORDS_PER_SECOND, AVERAGE_RECORD_BYTES, COMPRESSION_RATIO,
            RETENTION_HOURS, REPLICATION_FACTOR, HEADROOM, CONSUMER_GROUPS, PARTITION_MB_PER_SECOND, BROKER_DISK_GB,
            BROKER_NETWORK_MB_PER_SECOND, BROKER_MAX_PARTITIONS);

    // The plan, one per component of CapacityPlan, in its order; decided_by holds a Bottleneck's name.
    public static final String BROKERS = "brokers";
    public static final String PARTITIONS = "partitions";
    public static final String DISK_GB_PER_BROKER = "disk_gb_per_broker";
    public static final String NETWORK_IN_MB_PER_BROKER = "network_in_mb_per_broker";
    public static final String NETWORK_OUT_MB_PER_BROKER = "network_out_mb_per_broker";
    public static final String DECIDED_BY = "decided_by";
    public static final List<String> PLAN = List.of(BROKERS, PARTITIONS, DISK_GB_PER_BROKER, NETWORK_IN_MB_PER_BROKER,
            NETWORK_OUT_MB_PER_BROKER, DECIDED_BY);

    private CapacitySheet() {
    }

    /** The value of {@code input} in {@code inputs}, for its cell. */
    public static double valueOf(String input, CapacityInputs inputs) {
        return switch (input) {
            case PEAK_RECORDS_PER_SECOND -> inputs.peakRecordsPerSecond();
            case AVERAGE_RECORD_BYTES -> inputs.averageRecordBytes();
            case COMPRESSION_RATIO -> inputs.compressionRatio();
            case RETENTION_HOURS -> inputs.retentionHours();
            case REPLICATION_FACTOR -> inputs.replicationFactor();
            case HEADROOM -> inputs.headroom();
            case CONSUMER_GROUPS -> inputs.consumerGroups();
            case PARTITION_MB_PER_SECOND -> inputs.partitionMbPerSecond();
            case BROKER_DISK_GB -> inputs.brokerDiskGb();
            case BROKER_NETWORK_MB_PER_SECOND -> inputs.brokerNetworkMbPerSecond();
            case BROKER_MAX_PARTITIONS -> inputs.brokerMaxPartitions();
            default -> throw new IllegalArgumentException("No input is named '" + input + "'; the inputs are " + INPUTS);
        };
    }
}
