package lab.week08;

import java.io.IOException;
import java.nio.file.Path;

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
        // TODO 8.14: refuse nonsense inputs, then apply the rules above; say which limit decided.
        throw new UnsupportedOperationException("Exercise 8.14 not done yet: see HINTS.md#814");
    }

    /**
     * Writes the plan for {@code inputs} to {@code file} as an .xlsx workbook of one sheet,
     * {@link CapacitySheet#SHEET}: a cell for each input, holding its number, and a cell for each part of the
     * plan, holding a formula over the inputs, each cell named as in {@link CapacitySheet}. A planner who changes
     * an input in LibreOffice or Excel sees the plan change.
     */
    public static void writeWorkbook(CapacityInputs inputs, Path file) throws IOException {
        // TODO 8.14: the same rules as plan(), as live formulas over the input cells (NamedCells writes them).
        throw new UnsupportedOperationException("Exercise 8.14 not done yet: see HINTS.md#814");
    }
}
