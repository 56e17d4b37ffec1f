package lab.week08;

/**
 * What a capacity plan starts from (8.14): the workload at its peak, how it is kept, and what one broker
 * can take. Sizes in bytes, MB (10^6 bytes) and GB (10^9 bytes), as disk and network vendors count them.
 * Built field by field, because eleven numbers in a row are impossible to read:
 *
 * <pre>{@code
 * var inputs = CapacityInputs.builder().peakRecordsPerSecond(100_000).averageRecordBytes(1_000)
 *         .compressionRatio(0.32).retentionHours(24).replicationFactor(3).headroom(0.3).consumerGroups(8)
 *         .partitionMbPerSecond(18.4).brokerDiskGb(4_000).brokerNetworkMbPerSecond(125).brokerMaxPartitions(4_000)
 *         .build();
 * }</pre>
 *
 * Like a spreadsheet's input cells, a record may hold nonsense until it is checked: {@link #validate()}
 * says what is wrong.
 *
 * @param peakRecordsPerSecond     records written a second at the busiest moment
 * @param averageRecordBytes       a record's size before compression (key, value and headers)
 * @param compressionRatio         compressed size over original size: 1 for none, 0.32 for 7.8's lz4 on orders
 * @param retentionHours           how long the data is kept
 * @param replicationFactor        copies of each partition, each on another broker
 * @param headroom                 the share of every limit kept free, for spikes, a broker down, rebalancing: 0 to under 1
 * @param consumerGroups           groups that each read everything (the fan-out); 0 when nobody reads live
 * @param partitionMbPerSecond     what one partition takes, measured (producer or consumer side, whichever is slower)
 * @param brokerDiskGb             usable disk per broker, for Kafka's logs
 * @param brokerNetworkMbPerSecond network per broker, each direction (a full-duplex link)
 * @param brokerMaxPartitions      partition replicas one broker may hold
 */
public record CapacityInputs(double peakRecordsPerSecond, double averageRecordBytes, double compressionRatio,
                             double retentionHours, int replicationFactor, double headroom, int consumerGroups,
                             double partitionMbPerSecond, double brokerDiskGb, double brokerNetworkMbPerSecond,
                             int brokerMaxPartitions) {

    /**
     * What one partition took on the lab's 2-core machine, in MB/s. Week 7's load tool wrote 108,003 records of
     * 1 KiB a second to a topic of 6 partitions on one embedded broker (the median of five runs:
     * week07-monitoring/README.md, "Measured against Kafka's own tool"): 110.6 MB/s in all, 18.4 a partition.
     * The two cores were the limit there, not the partitions, so the figure errs on the safe side.
     */
    public static final double LAB_PARTITION_MB_PER_SECOND = 18.4;

    /**
     * What lz4 made of the shop's order events on the lab's machine: 0.32 of their size, in batches of 103
     * records (7.8's test, the throughput profile: week07-monitoring/README.md, "Tuning the producer").
     */
    public static final double LAB_LZ4_ORDERS_RATIO = 0.32;

    /**
     * Throws an {@link IllegalArgumentException} naming the first input that cannot be planned with, and what
     * it should be.
     */
    public void validate() {
        positive("peakRecordsPerSecond", peakRecordsPerSecond);
        positive("averageRecordBytes", averageRecordBytes);
        check(compressionRatio > 0 && compressionRatio <= 1, "compressionRatio " + compressionRatio
                + ": compressed size over original size, more than 0 and at most 1 (1 = not compressed)");
        positive("retentionHours", retentionHours);
        check(replicationFactor >= 1, "replicationFactor " + replicationFactor + ": at least 1 copy (3 in production)");
        check(headroom >= 0 && headroom < 1, "headroom " + headroom
                + ": the share of each limit kept free, from 0 (none) up to but not including 1 (nothing usable)");
        check(consumerGroups >= 0, "consumerGroups " + consumerGroups + ": 0 or more groups reading everything");
        positive("partitionMbPerSecond", partitionMbPerSecond);
        positive("brokerDiskGb", brokerDiskGb);
        positive("brokerNetworkMbPerSecond", brokerNetworkMbPerSecond);
        check(brokerMaxPartitions >= 1, "brokerMaxPartitions " + brokerMaxPartitions + ": at least 1 partition per broker");
    }

    private static void positive(String name, double value) {
        check(Double.isFinite(value) && value > 0, name + " " + value + ": must be a number more than 0");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("Cannot plan with " + problem);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these inputs, to change one or two of them. */
    public Builder toBuilder() {
        return builder().peakRecordsPerSecond(peakRecordsPerSecond).averageRecordBytes(averageRecordBytes)
                .compressionRatio(compressionRatio).retentionHours(retentionHours).replicationFactor(replicationFactor)
                .headroom(headroom).consumerGroups(consumerGroups).partitionMbPerSecond(partitionMbPerSecond)
                .brokerDiskGb(brokerDiskGb).brokerNetworkMbPerSecond(brokerNetworkMbPerSecond)
                .brokerMaxPartitions(brokerMaxPartitions);
    }

    /** Each input by its name; an input not set is 0, which {@link #validate()} refuses. */
    public static final class Builder {
        private double peakRecordsPerSecond;
        private double averageRecordBytes;
        private double compressionRatio;
        private double retentionHours;
        private int replicationFactor;
        private double headroom;
        private int consumerGroups;
        private double partitionMbPerSecond;
        private double brokerDiskGb;
        private double brokerNetworkMbPerSecond;
        private int brokerMaxPartitions;

        private Builder() {
        }

        public Builder peakRecordsPerSecond(double value) {
            peakRecordsPerSecond = value;
            return this;
        }

        public Builder averageRecordBytes(double value) {
            averageRecordBytes = value;
            return this;
        }

        public Builder compressionRatio(double value) {
            compressionRatio = value;
            return this;
        }

        public Builder retentionHours(double value) {
            retentionHours = value;
            return this;
        }

        public Builder replicationFactor(int value) {
            replicationFactor = value;
            return this;
        }

        public Builder headroom(double value) {
            headroom = value;
            return this;
        }

        public Builder consumerGroups(int value) {
            consumerGroups = value;
            return this;
        }

        public Builder partitionMbPerSecond(double value) {
            partitionMbPerSecond = value;
            return this;
        }

        public Builder brokerDiskGb(double value) {
            brokerDiskGb = value;
            return this;
        }

        public Builder brokerNetworkMbPerSecond(double value) {
            brokerNetworkMbPerSecond = value;
            return this;
        }

        public Builder brokerMaxPartitions(int value) {
            brokerMaxPartitions = value;
            return this;
        }

        public CapacityInputs build() {
            return new CapacityInputs(peakRecordsPerSecond, averageRecordBytes, compressionRatio, retentionHours,
                    replicationFactor, headroom, consumerGroups, partitionMbPerSecond, brokerDiskGb,
                    brokerNetworkMbPerSecond, brokerMaxPartitions);
        }
    }
}
