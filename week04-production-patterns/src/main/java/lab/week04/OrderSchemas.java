package lab.week04;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The week's Avro schemas, from {@code src/main/resources}, and a quick way to build records. */
public final class OrderSchemas {

    public static final Schema V1 = load("avro/order-placed-v1.avsc");
    public static final Schema V2 = load("avro/order-placed-v2.avsc");
    /** The inventory service's reader schema for orders: its contract with the order service (4.11). */
    public static final Schema INVENTORY_CONTRACT = load("contracts/inventory-reads-order-placed.avsc");

    private OrderSchemas() {
    }

    public static GenericRecord orderV1(String orderId, String sku, int quantity) {
        var record = new GenericData.Record(V1);
        record.put("orderId", orderId);
        record.put("sku", sku);
        record.put("quantity", quantity);
        return record;
    }

    public static GenericRecord orderV2(String orderId, String sku, int quantity, String channel) {
        var record = new GenericData.Record(V2);
        record.put("orderId", orderId);
        record.put("sku", sku);
        record.put("quantity", quantity);
        record.put("channel", channel);
        return record;
    }

    static Schema load(String path) {
        try (InputStream in = OrderSchemas.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Schema file " + path + " is not on the classpath");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
