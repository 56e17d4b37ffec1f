package lab.kit.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * What the load tool writes: record values of a fixed size, of sizes spread over a range, or order events
 * (JSON, 1 to 5 items, as the shop's order service writes them); keys from a {@link KeyChooser}. Payloads of
 * the sized kinds are made once, so the tool measures Kafka, not its own string building.
 *
 * <pre>{@code
 * Workload.fixedSize(100)                 // kafka-producer-perf-test --record-size 100: no key, 100 bytes
 * Workload.sizes(200, 2000).keys(1000, 1.1)
 * Workload.orders().keys(10_000, 1.2)     // a few customers order a lot: a hot partition
 * }</pre>
 */
public final class Workload {

    private static final int PAYLOAD_POOL = 1024;

    enum Kind { FIXED, RANGE, ORDERS }

    private final Kind kind;
    private final int minBytes;
    private final int maxBytes;
    private final int keys;
    private final double skew;
    private final KeyChooser chooser;
    private final byte[][] payloads;
    private final byte[][] keyBytes;

    private Workload(Kind kind, int minBytes, int maxBytes, int keys, double skew) {
        if (kind != Kind.ORDERS && (minBytes < 1 || maxBytes < minBytes)) {
            throw new IllegalArgumentException("record sizes must be at least 1 byte, the smallest first; got "
                    + minBytes + ".." + maxBytes);
        }
        this.kind = kind;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
        this.keys = keys;
        this.skew = skew;
        this.chooser = KeyChooser.of(keys, skew);
        var random = new SplittableRandom(42);
        this.payloads = kind == Kind.ORDERS ? null : payloads(random);
        this.keyBytes = new byte[keys][];
        for (int rank = 0; rank < keys; rank++) {
            keyBytes[rank] = ("customer-" + rank).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Values of exactly {@code bytes} bytes, no key: what kafka-producer-perf-test writes. */
    public static Workload fixedSize(int bytes) {
        return new Workload(Kind.FIXED, bytes, bytes, 0, 0);
    }

    /** Values of sizes spread evenly over {@code min..max} bytes, no key. */
    public static Workload sizes(int min, int max) {
        return new Workload(Kind.RANGE, min, max, 0, 0);
    }

    /** Order events as JSON (about 150 to 450 bytes), keyed by customer: 1,000 customers, uniform, unless {@link #keys}. */
    public static Workload orders() {
        return new Workload(Kind.ORDERS, 0, 0, 1000, 0);
    }

    /** The same records, keyed over {@code count} keys (0: no key), Zipf exponent {@code skew} (0: uniform). */
    public Workload keys(int count, double skew) {
        return new Workload(kind, minBytes, maxBytes, count, skew);
    }

    /** One record's key and value, the {@code sequence}-th of the run. */
    record Next(byte[] key, byte[] value) {
    }

    Next next(long sequence, SplittableRandom random) {
        var rank = chooser.next(random);
        var key = rank < 0 ? null : keyBytes[rank];
        return new Next(key, switch (kind) {
            case FIXED -> payloads[0];
            case RANGE -> payloads[random.nextInt(PAYLOAD_POOL)];
            case ORDERS -> order(sequence, rank < 0 ? random.nextInt(1000) : rank, random);
        });
    }

    private byte[][] payloads(SplittableRandom random) {
        var pool = new byte[kind == Kind.FIXED ? 1 : PAYLOAD_POOL][];
        for (int i = 0; i < pool.length; i++) {
            // Letters, as kafka-producer-perf-test's payload: compressible like text, not like zeros.
            pool[i] = new byte[minBytes + (maxBytes == minBytes ? 0 : random.nextInt(maxBytes - minBytes + 1))];
            for (int b = 0; b < pool[i].length; b++) {
                pool[i][b] = (byte) ('A' + random.nextInt(26));
            }
        }
        return pool;
    }

    private static byte[] order(long sequence, int customer, SplittableRandom random) {
        var json = new StringBuilder(512).append("{\"type\":\"order.created\",\"orderId\":\"o-").append(sequence)
                .append("\",\"customerId\":\"customer-").append(customer).append("\",\"items\":[");
        var items = 1 + random.nextInt(5);
        long totalCents = 0;
        for (int item = 0; item < items; item++) {
            var cents = 199 + random.nextInt(20_000);
            var quantity = 1 + random.nextInt(3);
            totalCents += (long) cents * quantity;
            json.append(item == 0 ? "" : ",").append("{\"sku\":\"sku-").append(random.nextInt(5000))
                    .append("\",\"quantity\":").append(quantity).append(",\"priceCents\":").append(cents).append('}');
        }
        return json.append("],\"totalCents\":").append(totalCents).append(",\"currency\":\"EUR\"}")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How the workload reads in a report: {@code 100 B, no key}, {@code orders, 1000 keys, skew 1.2}. */
    public String describe() {
        var records = switch (kind) {
            case FIXED -> minBytes + " B";
            case RANGE -> minBytes + "-" + maxBytes + " B";
            case ORDERS -> "order events (JSON)";
        };
        var keying = keys == 0 ? "no key" : keys + " keys" + (skew == 0 ? ", uniform" : String.format(", Zipf skew %.2f"
                + " (the hottest key gets %.0f%%)", skew, 100 * chooser.hottestShare()));
        return records + ", " + keying;
    }
}
