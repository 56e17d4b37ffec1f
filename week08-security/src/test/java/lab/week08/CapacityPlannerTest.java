package lab.week08;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * The learner's capacity plan, on inputs whose plans are worked out here by hand, one for each limit that can
 * decide the brokers; then the same plan as a workbook, read back with Apache POI: its plan cells must be
 * formulas whose values are the plan, and must follow when an input cell changes. The worked example's
 * workbook stays in {@code target/<track>/reports/capacity-plan.xlsx}, to open in LibreOffice or Excel.
 */
@Tag("ex8.14")
@DisplayName("8.14 Capacity planning, as a real spreadsheet")
class CapacityPlannerTest {

    /**
     * The README's worked example: the shop's order events at their peak, with figures measured on the lab's
     * machine (week 7: lz4 to 0.32, 18.4 MB/s a partition). Worked out, with 70% of each limit usable:
     * ingress 100,000 x 1,000 B x 0.32 = 32 MB/s. Disk 32 x 3,600 x 24 h x 3 / 1,000 = 8,294.4 GB, over
     * 4,000 x 0.7 = 2,800 GB a broker: 2.96, so 3. In 32 x 3 = 96 MB/s over 125 x 0.7 = 87.5: 1.10, so 2. Out
     * 32 x (8 groups + 2 copies) = 320 MB/s over 87.5: 3.66, so 4. Partitions 32 / (18.4 x 0.7) = 2.48, so 3;
     * 9 replicas need 1 broker. RF 3. Brokers 4, decided by network out; partitions 3 rounded up to 4.
     */
    static final CapacityInputs WORKED = CapacityInputs.builder().peakRecordsPerSecond(100_000).averageRecordBytes(1_000)
            .compressionRatio(CapacityInputs.LAB_LZ4_ORDERS_RATIO).retentionHours(24).replicationFactor(3).headroom(0.3)
            .consumerGroups(8).partitionMbPerSecond(CapacityInputs.LAB_PARTITION_MB_PER_SECOND).brokerDiskGb(4_000)
            .brokerNetworkMbPerSecond(125).brokerMaxPartitions(4_000).build();
    static final CapacityPlan WORKED_PLAN = new CapacityPlan(4, 4, 8_294.4 / 4, 96.0 / 4, 320.0 / 4, Bottleneck.NETWORK_OUT);

    /** Three days instead of one: 24,883.2 GB over 2,800 a broker is 8.9, so 9 brokers; 3 partitions become 9. */
    static final CapacityInputs THREE_DAYS = WORKED.toBuilder().retentionHours(72).build();
    static final CapacityPlan THREE_DAYS_PLAN = new CapacityPlan(9, 9, 24_883.2 / 9, 96.0 / 9, 320.0 / 9, Bottleneck.DISK);

    /**
     * An audit log nobody reads live, 3 times the records, kept 6 hours: ingress 96 MB/s. Disk 6,220.8 GB: 2.2,
     * so 3. In 288 MB/s: 3.3, so 4. Out only the 2 copies, 192 MB/s: 2.2, so 3. Partitions 96 / 12.88 = 7.5, so 8.
     */
    static final CapacityInputs AUDIT_LOG = WORKED.toBuilder().peakRecordsPerSecond(300_000).retentionHours(6)
            .consumerGroups(0).build();
    static final CapacityPlan AUDIT_LOG_PLAN = new CapacityPlan(4, 8, 6_220.8 / 4, 288.0 / 4, 192.0 / 4, Bottleneck.NETWORK_IN);

    /**
     * Consumers that handle only 1 MB/s a partition, on brokers allowed 30 partitions: 32 / 0.7 = 45.7, so 46
     * partitions, 138 replicas over 30 x 0.7 = 21 a broker: 6.6, so 7 brokers; 46 partitions become 49.
     */
    static final CapacityInputs SLOW_CONSUMERS = WORKED.toBuilder().partitionMbPerSecond(1).brokerMaxPartitions(30).build();
    static final CapacityPlan SLOW_CONSUMERS_PLAN = new CapacityPlan(7, 49, 8_294.4 / 7, 96.0 / 7, 320.0 / 7, Bottleneck.PARTITIONS);

    /** A quiet topic, 1,000 records a second: every limit needs 1 broker, and 3 replicas need 3; 1 partition becomes 3. */
    static final CapacityInputs QUIET = WORKED.toBuilder().peakRecordsPerSecond(1_000).build();
    static final CapacityPlan QUIET_PLAN = new CapacityPlan(3, 3, 82.944 / 3, 0.96 / 3, 3.2 / 3, Bottleneck.REPLICATION_FACTOR);

    /**
     * Another shop, every input unlike the worked example's: 20,000 records/s of 5,000 B at 0.5, kept 20 h, RF 2,
     * 20% headroom (80% usable), 16 groups, 10 MB/s a partition, brokers of 2,000 GB, 250 MB/s and 50 partitions.
     * Ingress 50 MB/s. Disk 50 x 3,600 x 20 x 2 / 1,000 = 7,200 GB over 1,600: 4.5, so 5. In 100 over 200: 1. Out
     * 50 x (16 + 1) = 850 over 200: 4.25, so 5, a tie with disk, which Bottleneck lists first. Partitions
     * 50 / 8 = 6.25, so 7, 14 replicas over 40: 1. Brokers 5; 7 partitions become 10.
     */
    static final CapacityInputs ANOTHER_SHOP = CapacityInputs.builder().peakRecordsPerSecond(20_000).averageRecordBytes(5_000)
            .compressionRatio(0.5).retentionHours(20).replicationFactor(2).headroom(0.2).consumerGroups(16)
            .partitionMbPerSecond(10).brokerDiskGb(2_000).brokerNetworkMbPerSecond(250).brokerMaxPartitions(50).build();
    static final CapacityPlan ANOTHER_SHOP_PLAN = new CapacityPlan(5, 10, 7_200.0 / 5, 100.0 / 5, 850.0 / 5, Bottleneck.DISK);

    static final Path REPORT = Path.of(System.getProperty("lab.log.dir", "target"), "reports", "capacity-plan.xlsx");

    @Nested
    @DisplayName("plan()")
    class Plan {

        @Test
        @DisplayName("the worked example, with this machine's measured figures: 4 brokers, decided by network out")
        void workedExample() {
            assertPlan("plan() of the worked example (8 consumer groups read everything)", CapacityPlanner.plan(WORKED), WORKED_PLAN);
        }

        @Test
        @DisplayName("a longer retention makes disk decide")
        void diskDecides() {
            assertPlan("plan() of the worked example kept 72 h", CapacityPlanner.plan(THREE_DAYS), THREE_DAYS_PLAN);
        }

        @Test
        @DisplayName("a log nobody reads live makes network in decide")
        void networkInDecides() {
            assertPlan("plan() of an audit log (300,000 records/s, 6 h, no consumer group)", CapacityPlanner.plan(AUDIT_LOG),
                    AUDIT_LOG_PLAN);
        }

        @Test
        @DisplayName("slow partitions on brokers with few partitions make the partition limit decide")
        void partitionsDecide() {
            assertPlan("plan() of the worked example at 1 MB/s a partition, 30 partitions a broker", CapacityPlanner.plan(SLOW_CONSUMERS),
                    SLOW_CONSUMERS_PLAN);
        }

        @Test
        @DisplayName("a quiet topic still needs as many brokers as replicas")
        void replicationFactorIsTheFloor() {
            assertPlan("plan() of a quiet topic (1,000 records/s)", CapacityPlanner.plan(QUIET), QUIET_PLAN);
        }

        @Test
        @DisplayName("every input counts, and when two limits tie the first in Bottleneck's order is named")
        void everyInputAndATie() {
            assertPlan("plan() of another shop (every input unlike the worked example's; disk and network out both need 5)",
                    CapacityPlanner.plan(ANOTHER_SHOP), ANOTHER_SHOP_PLAN);
        }

        @Test
        @DisplayName("nonsense inputs are refused with a message that names them")
        void nonsenseRefused() {
            var nonsense = List.of(WORKED.toBuilder().replicationFactor(0).build(), WORKED.toBuilder().headroom(1).build(),
                    WORKED.toBuilder().compressionRatio(1.5).build(), WORKED.toBuilder().peakRecordsPerSecond(-5).build(),
                    WORKED.toBuilder().brokerDiskGb(0).build());
            var named = List.of("replicationFactor 0", "headroom 1.0", "compressionRatio 1.5", "peakRecordsPerSecond -5.0",
                    "brokerDiskGb 0.0");

            for (var i = 0; i < nonsense.size(); i++) {
                var inputs = nonsense.get(i);
                var refused = catchThrowable(() -> CapacityPlanner.plan(inputs));

                assertThat(refused).as("plan() of %s: nonsense, to refuse with an IllegalArgumentException before planning"
                        + " (CapacityInputs#validate says what is wrong)", inputs).isInstanceOf(IllegalArgumentException.class);
                assertThat(refused.getMessage()).as("the refusal of %s: it names the input", inputs).contains(named.get(i));
            }
        }
    }

    @Nested
    @DisplayName("writeWorkbook()")
    class Spreadsheet {

        @Test
        @DisplayName("each input has its cell, holding its number")
        void inputCells() throws IOException {
            CapacityPlanner.writeWorkbook(WORKED, REPORT);

            try (var workbook = open(REPORT)) {
                for (var name : CapacitySheet.INPUTS) {
                    var cell = cell(workbook, name);
                    assertThat(cell.getCellType()).as("the input cell %s: a number a planner can change", name)
                            .isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as("the input cell %s of the worked example", name)
                            .isCloseTo(CapacitySheet.valueOf(name, WORKED), within(1e-9));
                }
            }
        }

        @Test
        @DisplayName("each part of the plan is a formula, and the formulas calculate the plan")
        void planCellsAreFormulas() throws IOException {
            CapacityPlanner.writeWorkbook(WORKED, REPORT);

            try (var workbook = open(REPORT)) {
                for (var name : CapacitySheet.PLAN) {
                    assertThat(cell(workbook, name).getCellType()).as("the plan cell %s: a formula over the input cells"
                            + " (not its value), so that the plan follows when a planner changes an input", name)
                            .isEqualTo(CellType.FORMULA);
                }
                assertPlan("the worked example's workbook, calculated by Apache POI", planIn(workbook), WORKED_PLAN);
            }
            System.out.println("[lab] the worked example's capacity plan, to open in LibreOffice or Excel: " + REPORT.toAbsolutePath());
        }

        @Test
        @DisplayName("the formulas are live: type other inputs into the input cells, and the plan follows")
        void formulasAreLive() throws IOException {
            CapacityPlanner.writeWorkbook(WORKED, REPORT);

            try (var workbook = open(REPORT)) {
                for (var other : List.of(new Case("72 h", THREE_DAYS, THREE_DAYS_PLAN), new Case("the audit log", AUDIT_LOG, AUDIT_LOG_PLAN),
                        new Case("slow consumers", SLOW_CONSUMERS, SLOW_CONSUMERS_PLAN), new Case("a quiet topic", QUIET, QUIET_PLAN),
                        new Case("another shop (every input changed)", ANOTHER_SHOP, ANOTHER_SHOP_PLAN))) {
                    for (var name : CapacitySheet.INPUTS) {
                        cell(workbook, name).setCellValue(CapacitySheet.valueOf(name, other.inputs()));
                    }

                    assertPlan("the worked example's workbook after typing the inputs of " + other.situation()
                            + " into its input cells (is each plan cell a formula over the input cells, not over numbers?)",
                            planIn(workbook), other.plan());
                }
            }
        }
    }

    record Case(String situation, CapacityInputs inputs, CapacityPlan plan) {
    }

    private static Workbook open(Path file) throws IOException {
        assertThat(file).as("the workbook writeWorkbook() wrote").isRegularFile();
        try (var in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The cell that {@code name} refers to. */
    private static Cell cell(Workbook workbook, String name) {
        var named = workbook.getName(name);
        if (named == null) {
            fail("The workbook has no cell named '" + name + "': name each input and plan cell as CapacitySheet lists them"
                    + " (NamedCells#value and #formula do)");
        }
        var reference = new AreaReference(named.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
        var sheet = workbook.getSheet(reference.getSheetName() != null ? reference.getSheetName() : CapacitySheet.SHEET);
        var row = sheet == null ? null : sheet.getRow(reference.getRow());
        var cell = row == null ? null : row.getCell(reference.getCol());
        if (cell == null) {
            fail("The name '" + name + "' refers to " + named.getRefersToFormula() + ", an empty cell");
        }
        return cell;
    }

    /** The plan that the workbook's plan cells calculate, as a spreadsheet program would, from the input cells as they are now. */
    private static CapacityPlan planIn(Workbook workbook) {
        var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        evaluator.clearAllCachedResultValues(); // calculate everything again, from the input cells as they are now
        return new CapacityPlan(whole(workbook, evaluator, CapacitySheet.BROKERS), whole(workbook, evaluator, CapacitySheet.PARTITIONS),
                number(workbook, evaluator, CapacitySheet.DISK_GB_PER_BROKER),
                number(workbook, evaluator, CapacitySheet.NETWORK_IN_MB_PER_BROKER),
                number(workbook, evaluator, CapacitySheet.NETWORK_OUT_MB_PER_BROKER), bottleneck(workbook, evaluator));
    }

    private static double number(Workbook workbook, FormulaEvaluator evaluator, String name) {
        var value = evaluator.evaluate(cell(workbook, name));
        assertThat(value).as("the value of the cell %s: it is empty", name).isNotNull();
        assertThat(value.getCellType()).as("the value of the cell %s (%s): a number; an error means a name its formula"
                + " uses is misspelled or missing, or a division by 0", name, value.formatAsString()).isEqualTo(CellType.NUMERIC);
        return value.getNumberValue();
    }

    private static int whole(Workbook workbook, FormulaEvaluator evaluator, String name) {
        var value = number(workbook, evaluator, name);
        assertThat(value).as("the value of the cell %s: a whole number (ROUNDUP(x,0) rounds up)", name).isCloseTo(Math.rint(value), within(1e-9));
        return (int) Math.rint(value);
    }

    private static Bottleneck bottleneck(Workbook workbook, FormulaEvaluator evaluator) {
        var value = evaluator.evaluate(cell(workbook, CapacitySheet.DECIDED_BY));
        var names = Arrays.stream(Bottleneck.values()).map(Enum::name).toList();
        assertThat(value == null ? null : value.getStringValue()).as("the value of the cell %s: the name of the Bottleneck that"
                + " decided the brokers", CapacitySheet.DECIDED_BY).isIn(names);
        return Bottleneck.valueOf(value.getStringValue());
    }

    private static void assertPlan(String situation, CapacityPlan actual, CapacityPlan expected) {
        var softly = new SoftAssertions();
        softly.assertThat(actual.brokers()).as("%s: brokers, the most that any limit needs, using only 1 - headroom of each"
                + " (and never fewer than the replication factor)", situation).isEqualTo(expected.brokers());
        softly.assertThat(actual.decidedBy()).as("%s: the limit that decided the brokers (the first in Bottleneck's order"
                + " on a tie)", situation).isEqualTo(expected.decidedBy());
        softly.assertThat(actual.partitions()).as("%s: partitions, enough for the compressed peak at the partition limit"
                + " (times 1 - headroom), then rounded up to a multiple of the brokers", situation).isEqualTo(expected.partitions());
        softly.assertThat(actual.diskGbPerBroker()).as("%s: disk GB per broker, the compressed bytes kept for the retention"
                + " on every replica, over the brokers", situation).isCloseTo(expected.diskGbPerBroker(), within(1e-6));
        softly.assertThat(actual.networkInMbPerBroker()).as("%s: network in MB/s per broker, the compressed peak from the"
                + " producers and to RF - 1 followers, over the brokers", situation).isCloseTo(expected.networkInMbPerBroker(), within(1e-6));
        softly.assertThat(actual.networkOutMbPerBroker()).as("%s: network out MB/s per broker, the compressed peak to every"
                + " consumer group and to RF - 1 followers, over the brokers", situation).isCloseTo(expected.networkOutMbPerBroker(), within(1e-6));
        softly.assertAll();
    }
}
