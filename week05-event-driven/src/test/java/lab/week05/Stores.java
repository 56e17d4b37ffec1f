package lab.week05;

import lab.kit.junit.KafkaLab;

/** Event stores on the kit's broker for the tests. */
final class Stores {

    private Stores() {
    }

    /** A new event store topic of {@code partitions} partitions. */
    static EventStore eventStore(KafkaLab kafka, int partitions) {
        return eventStore(kafka, kafka.createTopic("orders.events", partitions));
    }

    /** An event store over an existing topic, with its own clients: a second service instance. */
    static EventStore eventStore(KafkaLab kafka, String topic) {
        return new EventStore(kafka.newProducer(), kafka.newConsumerWithoutGroup(), topic);
    }
}
