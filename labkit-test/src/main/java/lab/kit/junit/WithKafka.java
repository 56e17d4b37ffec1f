package lab.kit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of a class a real Kafka cluster, as a {@link KafkaLab} parameter. The cluster is
 * started once per test JVM for each size and shared; each test gets its own topic and group names.
 *
 * <pre>{@code
 * @WithKafka
 * class OrderEventsTest {
 *     @Test
 *     void readsBackWhatWasSent(KafkaLab kafka) { ... }
 * }
 *
 * @WithKafka(brokers = 3)   // may stop and start brokers; they are all running again after each test
 * class FailoverTest { ... }
 *
 * @WithKafka(faultyLink = true)   // kafka.link() cuts the network; it is whole again after each test
 * class OutageTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {

    /** How many brokers the cluster has: 1, or 3 (with a separate controller). */
    int brokers() default 1;

    /**
     * One embedded broker that clients reach through a {@link lab.kit.faults.FaultyLink}, which a test
     * gets from {@link KafkaLab#link()} to cut the network or lose answers. Always the embedded source.
     */
    boolean faultyLink() default false;
}
