package lab.week03;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * JSON bytes to {@link OrderPlaced}. Bytes that are not an order make it throw a
 * {@link SerializationException}: inside {@code poll()} the consumer turns that into a
 * {@code RecordDeserializationException} that names the partition and offset of the bad record.
 */
public class OrderPlacedDeserializer implements Deserializer<OrderPlaced> {

    @Override
    public OrderPlaced deserialize(String topic, byte[] data) {
        try {
            return data == null ? null : OrderPlacedJson.fromJson(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
