package lab.week07;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code GroupMemberMain <bootstrap> <topic> <group> [setting=value...]}: a group member in a JVM of its own,
 * so a test can kill it with -9 and watch how long its group takes to notice. It polls until it dies.
 */
public final class GroupMemberMain {

    private GroupMemberMain() {
    }

    public static void main(String[] args) {
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args[2]);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        for (var setting : List.of(args).subList(3, args.length)) {
            var equals = setting.indexOf('=');
            config.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            consumer.subscribe(List.of(args[1]));
            var held = -1;
            while (true) {
                consumer.poll(Duration.ofMillis(100));
                if (consumer.assignment().size() != held) {
                    held = consumer.assignment().size();
                    System.out.println("holds " + consumer.assignment());
                }
            }
        }
    }
}
