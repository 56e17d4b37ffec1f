package lab.week03;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * JSON bytes to {@link OrderPlaced}. Bytes that are not an order make it throw a
 * {@link SerializationException}: inside {@code poll()} the consumer turns that into a
 * {@code RecordDeserializationException} that names the partition and offset of the bad record.
 */
public class OrderPlacedDeserializer implements Deserializer<OrderPlaced> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public OrderPlaced deserialize(String topic, byte[] data) {
        try {
            return data == null ? null : MAPPER.readValue(data, OrderPlaced.class);
        } catch (IOException e) {
            throw new SerializationException("Not an OrderPlaced event: " + e.getMessage(), e);
        }
    }
}
