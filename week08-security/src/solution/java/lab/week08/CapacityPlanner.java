package lab.week08;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;

/**
 * Exercise 8.14: how many brokers does the shop need, and why? A capacity plan, first as code, then as the
 * spreadsheet a planner keeps: change an input, and the plan follows. MB are 10^6 bytes, GB 10^9 bytes; at
 * the peak, and of each limit only the share {@code 1 - headroom} is used:
 *
 * <ul>
 *   <li>the <b>ingress</b>, what producers write, is the peak's bytes after compression: brokers store and
 *       send the batches as the producers compressed them;</li>
 *   <li><b>disk</b>: the ingress kept for the retention, on each of the RF replicas;</li>
 *   <li><b>network in</b>: the ingress from the producers to the leaders, and RF - 1 copies of it to the
 *       followers;</li>
 *   <li><b>network out</b>: the ingress to each consumer group, and the RF - 1 copies from the leaders;</li>
 *   <li><b>partitions for throughput</b>: the ingress over what one partition takes, rounded up;</li>
 *   <li><b>brokers</b>, for each limit: what the cluster needs over what one broker offers, rounded up (the
 *       partition limit counts replicas: partitions times RF); the most of these, and never fewer than RF.
 *       {@link Bottleneck} names the limit that decided, the first in its order when two tie;</li>
 *   <li><b>partitions</b>: those for throughput, rounded up to a multiple of the brokers, so each broker
 *       leads as many;</li>
 *   <li><b>per broker</b>: disk, network in and network out of the cluster, spread evenly over the brokers.</li>
 * </ul>
 */
public final class CapacityPlanner {

    private CapacityPlanner() {
    }

    /** The plan for {@code in}, by the rules above; an {@link IllegalArgumentException} for nonsense inputs. */
    public static CapacityPlan plan(CapacityInputs in) {
        in.validate(); // a plan made from nonsense looks as sure as any other: refuse it
        var usable = 1 - in.headroom(); // each limit is used only this far; the rest absorbs spikes and failures
        var ingress = in.peakRecordsPerSecond() * in.averageRecordBytes() * in.compressionRatio() / 1e6;
        var diskGb = ingress * 3600 * in.retentionHours() * in.replicationFactor() / 1000; // every replica keeps it all
        var networkIn = ingress * in.replicationFactor(); // producers to leaders, leaders to RF - 1 followers
        var networkOut = ingress * (in.consumerGroups() + in.replicationFactor() - 1); // each group reads all of it
        var throughputPartitions = roundUp(ingress / (in.partitionMbPerSecond() * usable));
        var needs = new EnumMap<Bottleneck, Integer>(Bottleneck.class); // iterates in Bottleneck's order: ties go to the first
        needs.put(Bottleneck.DISK, roundUp(diskGb / (in.brokerDiskGb() * usable)));
        needs.put(Bottleneck.NETWORK_IN, roundUp(networkIn / (in.brokerNetworkMbPerSecond() * usable)));
        needs.put(Bottleneck.NETWORK_OUT, roundUp(networkOut / (in.brokerNetworkMbPerSecond() * usable)));
        needs.put(Bottleneck.PARTITIONS, roundUp(throughputPartitions * in.replicationFactor() / (in.brokerMaxPartitions() * usable)));
        needs.put(Bottleneck.REPLICATION_FACTOR, in.replicationFactor()); // replicas of a partition sit on different brokers
        int brokers = Collections.max(needs.values());
        var decidedBy = needs.keySet().stream().filter(limit -> needs.get(limit) == brokers).findFirst().orElseThrow();
        var partitions = roundUp((double) throughputPartitions / brokers) * brokers; // each broker leads as many
        return new CapacityPlan(brokers, partitions, diskGb / brokers, networkIn / brokers, networkOut / brokers, decidedBy);
    }

    private static int roundUp(double value) {
        return (int) Math.ceil(value);
    }

    /**
     * Writes the plan for {@code inputs} to {@code file} as an .xlsx workbook of one sheet,
     * {@link CapacitySheet#SHEET}: a cell for each input, holding its number, and a cell for each part of the
     * plan, holding a formula over the inputs, each cell named as in {@link CapacitySheet}. A planner who changes
     * an input in LibreOffice or Excel sees the plan change.
     */
    public static void writeWorkbook(CapacityInputs inputs, Path file) throws IOException {
        inputs.validate();
        try (var cells = new NamedCells(CapacitySheet.SHEET)) {
            cells.heading("Inputs: change these");
            for (var input : CapacitySheet.INPUTS) {
                cells.value(input, CapacitySheet.valueOf(input, inputs));
            }
            // Formulas, not their values: the plan must follow when a planner changes an input. Each working
            // cell is named, so each formula reads as its rule.
            cells.heading("Working");
            cells.formula("usable_share", "1-headroom");
            cells.formula("ingress_mb_per_second", "peak_records_per_second*average_record_bytes*compression_ratio/1000000");
            cells.formula("disk_gb_total", "ingress_mb_per_second*3600*retention_hours*replication_factor/1000");
            cells.formula("network_in_mb_per_second_total", "ingress_mb_per_second*replication_factor");
            cells.formula("network_out_mb_per_second_total", "ingress_mb_per_second*(consumer_groups+replication_factor-1)");
            cells.formula("partitions_for_throughput", "ROUNDUP(ingress_mb_per_second/(partition_mb_per_second*usable_share),0)");
            brokersNeeded(cells);
            cells.heading("Plan");
            planCells(cells);
            cells.save(file);
        }
    }

    /** What each limit needs: a count of brokers per limit, rounded up. */
    private static void brokersNeeded(NamedCells cells) {
        cells.formula("brokers_for_disk", "ROUNDUP(disk_gb_total/(broker_disk_gb*usable_share),0)");
        cells.formula("brokers_for_network_in",
                "ROUNDUP(network_in_mb_per_second_total/(broker_network_mb_per_second*usable_share),0)");
        cells.formula("brokers_for_network_out",
                "ROUNDUP(network_out_mb_per_second_total/(broker_network_mb_per_second*usable_share),0)");
        cells.formula("brokers_for_partitions",
                "ROUNDUP(partitions_for_throughput*replication_factor/(broker_max_partitions*usable_share),0)");
    }

    private static void planCells(NamedCells cells) {
        cells.formula(CapacitySheet.BROKERS,
                "MAX(brokers_for_disk,brokers_for_network_in,brokers_for_network_out,brokers_for_partitions,replication_factor)");
        cells.formula(CapacitySheet.PARTITIONS, "ROUNDUP(partitions_for_throughput/brokers,0)*brokers");
        cells.formula(CapacitySheet.DISK_GB_PER_BROKER, "disk_gb_total/brokers");
        cells.formula(CapacitySheet.NETWORK_IN_MB_PER_BROKER, "network_in_mb_per_second_total/brokers");
        cells.formula(CapacitySheet.NETWORK_OUT_MB_PER_BROKER, "network_out_mb_per_second_total/brokers");
        // The first limit, in Bottleneck's order, whose count is the plan's: as plan() decides.
        cells.formula(CapacitySheet.DECIDED_BY, "IF(brokers=brokers_for_disk,\"DISK\","
                + "IF(brokers=brokers_for_network_in,\"NETWORK_IN\",IF(brokers=brokers_for_network_out,\"NETWORK_OUT\","
                + "IF(brokers=brokers_for_partitions,\"PARTITIONS\",\"REPLICATION_FACTOR\"))))");
    }
}
