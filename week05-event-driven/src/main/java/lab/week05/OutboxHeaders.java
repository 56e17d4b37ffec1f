package lab.week05;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The headers an outbox event carries on Kafka, whichever relay (polling or CDC) put it there. */
public final class OutboxHeaders {

    /** The outbox row's event_id: the same for every copy of one event, so consumers can drop duplicates. */
    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";

    private OutboxHeaders() {
    }

    public static String eventId(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(EVENT_ID);
        if (header == null) {
            throw new IllegalArgumentException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + EVENT_ID + " header: was it relayed from the outbox?");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
