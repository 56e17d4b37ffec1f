package lab.week07;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnectorFactory;

import lab.kit.junit.Background;
import lab.kit.junit.KafkaLab;
import lab.kit.junit.Lanes;
import lab.kit.junit.WithKafka;
import lab.kit.load.LoadPlan;
import lab.kit.load.LoadRun;
import lab.kit.load.Workload;
import lab.kit.process.JavaService;
import lab.kit.report.LineChart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-status service in a JVM of its own (96 MB of heap), reading 1 KiB orders at 2,000 a second
 * from a real broker, its heap sampled over JMX after a full collection every 500 ms for 6 s, once it has read
 * 6,000 orders (more than your cache holds), as an operator would with jcmd or a JMX console. Once with the shipped cache (every order, for ever) and once
 * with yours. The two floors are drawn (target/&lt;track&gt;/reports/week07-heap-after-gc.png).
 */
@Execution(ExecutionMode.CONCURRENT) // beside the main lane (see Lanes)
@ResourceLock(Lanes.WAITS)
@WithKafka
@Tag("ex7.12")
@DisplayName("7.12 Troubleshooting: a service that leaks memory")
class MemoryLeakTest {

    private static final int SAMPLES = 12;
    /** Orders read before the first sample: more than your cache holds, so that it is full by then. */
    private static final long WARM_UP_ORDERS = OrderStatusService.RECENT_CAPACITY + 1_000;
    private static final double MB = 1024 * 1024;
    private static Runs runs;

    @Test
    @DisplayName("the diagnosis, on windows written out: a flat floor, one high sample, a warm-up then flat, a rising floor")
    void windowsWrittenOut() {
        var flat = mb(40, 41, 40, 42, 41, 40, 41, 42, 40, 41, 40, 41);
        var oneHighSample = mb(40, 41, 40, 42, 41, 40, 41, 42, 40, 48, 40, 41);
        var warmUp = mb(20, 35, 40, 41, 40, 41, 42, 40, 41, 41, 40, 42);
        var rising = mb(20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42);

        assertThat(LeakDetector.leaking(flat)).as("leaking, for a floor between 40 and 42 MB").isFalse();
        assertThat(LeakDetector.leaking(oneHighSample)).as("leaking, for a floor between 40 and 42 MB with one sample of 48 MB"
                + " late in the window (a large batch still referenced when the sample was taken)").isFalse();
        assertThat(LeakDetector.leaking(warmUp)).as("leaking, for a floor that rises from 20 to 40 MB in its first 3 samples"
                + " (a cache filling up) and then stays").isFalse();
        assertThat(LeakDetector.leaking(rising)).as("leaking, for a floor rising 2 MB every sample").isTrue();
    }

    @Test
    @DisplayName("the diagnosis, on the shipped service's real heap: a leak")
    void shippedServiceLeaks(KafkaLab kafka) {
        var measured = runs(kafka);

        assertThat(LeakDetector.leaking(measured.shipped)).as("leaking, for the shipped service's heap after GC (MB): %s",
                inMb(measured.shipped)).isTrue();
    }

    @Test
    @DisplayName("your cache: the service's heap after GC stays flat, by the lab's rule and by yours")
    void yourCacheStaysFlat(KafkaLab kafka) {
        var measured = runs(kafka);
        var third = SAMPLES / 3;
        var firstHighest = measured.yours.subList(0, third).stream().mapToLong(Long::longValue).max().orElseThrow();
        var lastLowest = measured.yours.subList(SAMPLES - third, SAMPLES).stream().mapToLong(Long::longValue).min().orElseThrow();

        assertThat(lastLowest / MB).as("the lowest heap after GC (MB) of the last third, with your RecentOrders; all samples: %s",
                inMb(measured.yours)).isLessThanOrEqualTo(firstHighest * 1.10 / MB);
        assertThat(LeakDetector.leaking(measured.yours)).as("leaking, for your service's heap after GC (MB): %s",
                inMb(measured.yours)).isFalse();
    }

    @Test
    @DisplayName("your cache remembers the latest orders up to its capacity, tells repeats, and forgets the oldest")
    void keepsTheLatest() {
        var cache = new RecentOrders(3);

        assertThat(List.of(cache.remember("o-1", new byte[1]), cache.remember("o-2", new byte[1]), cache.remember("o-3", new byte[1])))
                .as("remember o-1, o-2, o-3 (capacity 3): each the first time").containsOnly(true);
        assertThat(cache.remember("o-2", new byte[1])).as("remember o-2 again: a repeat").isFalse();
        assertThat(cache.remember("o-4", new byte[1])).as("remember o-4").isTrue();
        assertThat(cache.find("o-1")).as("o-1, the oldest, after a fourth order in a cache of 3").isEqualTo(Optional.empty());
        assertThat(cache.find("o-4")).as("o-4, the newest").isPresent();
        assertThat(List.of(cache.find("o-2"), cache.find("o-3"))).as("o-2 and o-3").allMatch(Optional::isPresent);
    }

    private static synchronized Runs runs(KafkaLab kafka) {
        if (runs == null) {
            runs = new Runs(kafka);
        }
        return runs;
    }

    /** Both services measured the same way, once per JVM, and drawn. */
    private static final class Runs {
        private final List<Long> shipped;
        private final List<Long> yours;

        Runs(KafkaLab kafka) {
            new RecentOrders(1).remember("probe", new byte[0]); // an unfinished cache fails here, before any service starts
            shipped = heapAfterGc(kafka, "all");
            yours = heapAfterGc(kafka, "recent");
            var seconds = new ArrayList<Double>();
            for (int i = 0; i < SAMPLES; i++) {
                seconds.add(i * 0.5);
            }
            new LineChart("7.12 the order-status service's heap after a full GC, 2,000 orders of 1 KiB a second",
                    "seconds", "MB").series("shipped cache (every order)", seconds, inMb(shipped))
                    .series("your RecentOrders", seconds, inMb(yours)).write("week07-heap-after-gc");
        }

        /** Starts the service with {@code cache}, writes orders to it, and samples its heap after a full GC. */
        private static List<Long> heapAfterGc(KafkaLab kafka, String cache) {
            var topic = kafka.createTopic("orders", 3);
            var samples = new ArrayList<Long>();
            try (var service = JavaService.start("order-status-" + cache, OrderStatusService.class,
                    List.of("-Xmx96m", "-XX:+UseSerialGC"), List.of(kafka.bootstrapServers(), topic, kafka.uniqueName("status"), cache));
                 var jmx = JMXConnectorFactory.connect(service.jmxUrl())) {
                var memory = new ObjectName("java.lang:type=Memory");
                var server = jmx.getMBeanServerConnection();
                var load = Background.start("orders", () -> LoadRun.run(new LoadPlan(kafka.bootstrapServers(), topic,
                        Workload.fixedSize(1024), 2000, 0, Duration.ofMillis(SAMPLES * 500L + 5000), false,
                        java.util.Map.of()), line -> { }));
                // Not measured: the service joins its group and fills a cache of RECENT_CAPACITY orders. Sampling
                // starts once it has read more than that (on a busy machine that takes longer than at 2,000 a second).
                load.awaitUntil("the " + cache + " service to have read " + WARM_UP_ORDERS + " orders",
                        () -> ordersRead(server) >= WARM_UP_ORDERS);
                for (int i = 0; i < SAMPLES; i++) {
                    server.invoke(memory, "gc", null, null); // what jcmd <pid> GC.run does
                    var heap = MemoryUsage.from((CompositeData) server.getAttribute(memory, "HeapMemoryUsage"));
                    samples.add(heap.getUsed());
                    TimeUnit.MILLISECONDS.sleep(500); // the sampling interval, not a wait for a result
                }
                load.ended(Duration.ofSeconds(10));
                assertThat(service.isAlive()).as("the service with the %s cache still runs (its output: %s)", cache,
                        service.log()).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException("Measuring the service with the " + cache + " cache failed: " + e, e);
            }
            return samples;
        }
    }

    /** What the service's consumer has read, from its own metrics over JMX (0 before it has joined). */
    private static long ordersRead(javax.management.MBeanServerConnection server) throws Exception {
        var total = 0L;
        for (var name : server.queryNames(new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*"), null)) {
            try {
                if (server.getAttribute(name, "records-consumed-total") instanceof Number read) {
                    total += read.longValue();
                }
            } catch (javax.management.AttributeNotFoundException e) {
                // registered before its first fetch: nothing read yet
            }
        }
        return total;
    }

        private static List<Long> mb(double... megabytes) {
        var bytes = new ArrayList<Long>();
        for (var value : megabytes) {
            bytes.add((long) (value * MB));
        }
        return bytes;
    }

    private static List<Double> inMb(List<Long> bytes) {
        return bytes.stream().map(value -> Math.round(value / MB * 10) / 10.0).toList();
    }
}
