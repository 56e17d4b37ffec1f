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
 *
 * @WithKafka(brokers = 3, processes = true)   // one process per broker: kill -9, per-broker metrics
 * class HardKillTest { ... }
 *
 * @WithKafka(secured = true)   // kafka.security(): TLS, mTLS and SASL listeners, a CA, ACLs enforced
 * class TlsTest { ... }
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

    /**
     * Brokers that can crash for real ({@link lab.kit.broker.LabCluster#killBroker(int)} is SIGKILL) and
     * have metrics of their own: on the embedded source, the kit's broker and controller processes
     * ({@link lab.kit.broker.ProcessCluster}); on containers, one container per node; on an external
     * cluster the test is skipped.
     */
    boolean processes() default false;

    /** With {@link #processes()}: 1 controller, or a quorum of 3 that survives losing one. */
    int controllers() default 1;

    /**
     * One embedded broker with TLS, mTLS and SASL listeners, certificates and users made at its start, and
     * an authorizer that denies what no ACL allows ({@link lab.kit.security.SecuredCluster}); a test gets
     * it from {@link KafkaLab#security()}. The kit's own helpers keep a door of their own. Always embedded.
     */
    boolean secured() default false;
}
