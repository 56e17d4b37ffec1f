package lab.week06;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

import lab.kit.broker.ProcessCluster;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Broker 0 of a cluster of broker processes, each started with {@code -Xmx384m} and the serial collector
 * (one young and one old generation collector), read over its JMX port as a monitoring agent would.
 */
@WithKafka(brokers = 3, processes = true)
@Tag("ex6.10")
@DisplayName("6.10 A broker's memory: heap, garbage collection, page cache")
class BrokerMemoryTest {

    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;

    @Test
    @DisplayName("reads the broker's heap, not this JVM's")
    void heapOfTheBroker(KafkaLab kafka) throws Exception {
        try (var broker = jmxOfBroker0(kafka)) {
            var jvm = broker.getMBeanServerConnection();
            var xmx = maxHeapOption(jvm);

            var reading = BrokerMemory.read(jvm);

            assertThat(reading.heapMaxBytes()).as("the heap ceiling of broker 0, started with -Xmx%dm (this test's JVM has"
                    + " %d MiB: was it read here?)", xmx / MIB, Runtime.getRuntime().maxMemory() / MIB)
                    .isBetween(xmx * 3 / 4, xmx);
            assertThat(reading.heapUsedBytes()).as("the heap broker 0 uses: more than nothing, at most its ceiling")
                    .isPositive().isLessThanOrEqualTo(reading.heapMaxBytes());
        }
    }

    @Test
    @DisplayName("counts the collections of every collector: a full collection too")
    void countsEveryCollector(KafkaLab kafka) throws Exception {
        try (var broker = jmxOfBroker0(kafka)) {
            var jvm = broker.getMBeanServerConnection();
            var before = BrokerMemory.read(jvm);
            jvm.invoke(new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "gc", null, null); // a full collection

            var floor = collectionsOfAllCollectors(jvm);
            var after = BrokerMemory.read(jvm);
            var ceiling = collectionsOfAllCollectors(jvm);

            assertThat(after.collections()).as("collections after a full collection in the broker (before it: %d); a full"
                    + " collection counts in the old generation's collector only", before.collections())
                    .isGreaterThan(before.collections());
            assertThat(after.collections()).as("collections, summed over the broker's collectors %s",
                    jvm.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null))
                    .isBetween(floor, ceiling);
            assertThat(after.collectionMillis()).as("time spent collecting, summed over the collectors").isNotNegative();
        }
    }

    @Test
    @DisplayName("reads the broker process's resident memory, as ps shows it")
    void residentMemory(KafkaLab kafka) throws Exception {
        assumeThat(Path.of("/proc/self/status")).as("6.10 reads Linux's /proc; this machine has none").exists();
        var cluster = processes(kafka);
        var pid = cluster.pid(0);

        var resident = BrokerMemory.residentBytes(pid);

        var ps = residentPerPs(pid);
        assertThat(resident).as("the resident memory of broker 0 (pid %d), in bytes; ps -o rss shows %d KiB", pid, ps / 1024)
                .isCloseTo(ps, within(ps / 10));
        assertThat(resident).as("resident memory: what the broker occupies, far below the virtual memory it reserved")
                .isLessThan(2 * GIB);
    }

    @Test
    @DisplayName("page cache: the seconds of writes the memory left over holds")
    void pageCacheSeconds() {
        assertThat(BrokerMemory.pageCacheSeconds(64 * GIB, 7 * GIB, 100 * MIB))
                .as("a 64 GiB machine, a broker of 7 GiB resident (a 6 GiB heap), 100 MiB/s written")
                .isCloseTo(583.68, within(0.01));
        assertThat(BrokerMemory.pageCacheSeconds(4 * GIB, 5 * GIB, 100 * MIB))
                .as("a broker bigger than its machine leaves nothing for the page cache").isZero();
    }

    private static ProcessCluster processes(KafkaLab kafka) {
        assumeThat(kafka.cluster()).as("6.10 reads a broker process's JVM: the kit's processes (-Dlab.broker=embedded)"
                + " serve JMX and a pid; %s does not", kafka.cluster().getClass().getSimpleName())
                .isInstanceOf(ProcessCluster.class);
        return (ProcessCluster) kafka.cluster();
    }

    private static JMXConnector jmxOfBroker0(KafkaLab kafka) throws Exception {
        return JMXConnectorFactory.connect(processes(kafka).jmxUrl(0));
    }

    /** The -Xmx the broker's JVM was started with, in bytes, as its own runtime bean reports its options. */
    private static long maxHeapOption(MBeanServerConnection jvm) throws Exception {
        var options = (String[]) jvm.getAttribute(new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME), "InputArguments");
        var xmx = Arrays.stream(options).filter(option -> option.startsWith("-Xmx")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("broker 0 runs without -Xmx: " + Arrays.toString(options)));
        assertThat(xmx).as("the broker's -Xmx, in MiB as the kit sets it").endsWith("m");
        return Long.parseLong(xmx.substring(4, xmx.length() - 1)) * MIB;
    }

    private static long collectionsOfAllCollectors(MBeanServerConnection jvm) throws Exception {
        long total = 0;
        for (var collector : jvm.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
            total += ((Number) jvm.getAttribute(collector, "CollectionCount")).longValue();
        }
        return total;
    }

    /** {@code ps -o rss= -p pid}, in bytes: the operating system's own tool, beside the learner's reading. */
    private static long residentPerPs(long pid) throws Exception {
        var ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).redirectErrorStream(true).start();
        var output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(ps.waitFor()).as("ps -o rss= -p %d: %s", pid, output).isZero();
        return Long.parseLong(output) * 1024;
    }
}
