package lab.kit.junit;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How a test client turns keys and values into bytes and back: Strings, or the raw bytes of records that
 * must travel exactly as they are (dead letters, poison pills, the wire format).
 *
 * <pre>{@code
 * var producer = kafka.newProducer(Codec.BYTES);
 * var parked = kafka.readAll(deadLetters, 1, Codec.BYTES);
 * }</pre>
 */
public record Codec<K, V>(Class<? extends Serializer<K>> keySerializer, Class<? extends Serializer<V>> valueSerializer,
                          Class<? extends Deserializer<K>> keyDeserializer, Class<? extends Deserializer<V>> valueDeserializer) {

    public static final Codec<String, String> STRINGS = new Codec<>(StringSerializer.class, StringSerializer.class,
            StringDeserializer.class, StringDeserializer.class);
    public static final Codec<byte[], byte[]> BYTES = new Codec<>(ByteArraySerializer.class, ByteArraySerializer.class,
            ByteArrayDeserializer.class, ByteArrayDeserializer.class);
}
