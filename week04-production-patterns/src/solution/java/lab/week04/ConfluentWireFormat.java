package lab.week04;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Exercise 4.7: the Confluent wire format, the bytes every Avro record has on a topic when producers and
 * consumers share a schema registry:
 * <pre>
 *   byte 0      magic byte, always 0
 *   bytes 1-4   the schema id the registry gave the writer's schema (a big-endian int)
 *   bytes 5-    the record in Avro's binary encoding, written with that schema
 * </pre>
 * Only the id travels with each record; a consumer fetches the writer's schema once per id and lets
 * Avro resolve it against its own (reader) schema. That is what makes schema evolution work.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    private static final int HEADER = 1 + Integer.BYTES;

    private ConfluentWireFormat() {
    }

    /** {@code record} in the wire format, written with its own schema, which the registry knows as {@code schemaId}. */
    public static byte[] serialize(GenericRecord record, int schemaId) {
        var out = new ByteArrayOutputStream();
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
        try {
            var encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + record, e);
        }
        return out.toByteArray();
    }

    /** The schema id in {@code bytes}; refuses bytes that are not in the wire format, saying what they are not. */
    public static int schemaIdOf(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            throw new IllegalArgumentException("Not in the Confluent wire format: " + (bytes == null ? "null" : bytes.length + " bytes")
                    + ", less than the 5-byte header (magic byte and schema id)");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException("Not in the Confluent wire format: the first byte is " + bytes[0]
                    + ", not the magic byte 0 (was this written by a JSON or String serializer?)");
        }
        return ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt();
    }

    /**
     * Reads {@code bytes} written with {@code writerSchema} (the one their id names) as a record of
     * {@code readerSchema}, the schema this consumer was built with.
     */
    public static GenericRecord deserialize(byte[] bytes, Schema writerSchema, Schema readerSchema) {
        schemaIdOf(bytes);   // refuses what is not in the wire format
        var decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, null);
        try {
            // Two schemas: Avro resolves the writer's fields onto the reader's (defaults for new fields).
            return new GenericDatumReader<GenericRecord>(writerSchema, readerSchema).read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode a record written with " + writerSchema.getFullName(), e);
        }
    }
}
