package lab.week08;

import java.util.List;
import java.util.stream.Collectors;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's ACLs on a real broker whose authorizer denies what no ACL allows, checked as a matrix: every
 * service (and one the shop does not know) x every kind of access x every shop topic, each tried for real
 * with the service's own certificate. A missing grant and a grant too many fail alike.
 */
@WithKafka(secured = true)
@Tag("ex8.4")
@DisplayName("8.4 Least privilege, per service: ACLs checked as a matrix")
class ShopAclsTest {

    private static List<AclMatrix.Outcome> outcomes;
    private static String kitDoor; // the kit's own listener, where the ACLs are removed after the class

    @Test
    @DisplayName("every service can do what it needs")
    void everyNeedGranted(KafkaLab kafka) {
        var missing = outcomes(kafka).stream().filter(o -> o.expected() && !o.allowed()).toList();

        assertThat(missing).as("accesses the shop needs that your ACLs refuse:\n%s", lines(missing)).isEmpty();
    }

    @Test
    @DisplayName("nothing more: every other access is refused, with Kafka's AuthorizationException")
    void nothingMore(KafkaLab kafka) {
        var overGranted = outcomes(kafka).stream().filter(o -> !o.expected() && !o.asExpected()).toList();

        assertThat(overGranted).as("accesses your ACLs allow that no service needs (or that failed otherwise):\n%s",
                lines(overGranted)).isEmpty();
    }

    @Test
    @DisplayName("a service the shop does not know, with a certificate from the shop's CA, gets nothing")
    void strangerGetsNothing(KafkaLab kafka) {
        var allowed = outcomes(kafka).stream().filter(o -> o.service().equals(AclMatrix.STRANGER) && o.allowed()).toList();

        assertThat(allowed).as("what %s was allowed: a certificate proves who you are, not what you may do\n%s",
                AclMatrix.STRANGER, lines(allowed)).isEmpty();
    }

    @Test
    @DisplayName("analytics reads a shop topic that was not there when the ACLs were written")
    void tomorrowsTopic(KafkaLab kafka) {
        var read = outcomes(kafka).stream().filter(o -> o.service().equals(Shop.ANALYTICS_SERVICE)
                && o.action() == AclMatrix.Action.READ && o.resource().equals(AclMatrix.NEW_TOPIC)).findFirst().orElseThrow();

        assertThat(read.allowed()).as("analytics-service reading %s (%s): one ACL for every shop topic, by its prefix",
                AclMatrix.NEW_TOPIC, read.error()).isTrue();
    }

    /** The ACLs stay with the broker this JVM shares: the next class starts without them. */
    @AfterAll
    static void removeAcls() throws Exception {
        if (kitDoor != null) {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", kitDoor))) {
                admin.deleteAcls(List.of(AclBindingFilter.ANY)).all().get();
            }
        }
    }

    private static synchronized List<AclMatrix.Outcome> outcomes(KafkaLab kafka) {
        if (outcomes == null) {
            var bindings = ShopAcls.bindings();
            kitDoor = kafka.bootstrapServers();
            try {
                kafka.admin().deleteAcls(List.of(AclBindingFilter.ANY)).all().get();
                for (var topic : AclMatrix.topics()) {
                    try {
                        kafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                    kafka.awaitTopicReady(topic);
                }
                kafka.admin().createAcls(bindings).all().get();
                // The broker answers DescribeAcls from its authorizer: once it lists them all, they are in force.
                lab.kit.junit.LabAwait.until("the broker to hold your " + bindings.size() + " ACLs").ignoreExceptions()
                        .until(() -> kafka.admin().describeAcls(AclBindingFilter.ANY).values().get().containsAll(bindings));
            } catch (Exception e) {
                throw new IllegalStateException("Could not set up the shop's topics or your ACLs " + bindings + ": " + e, e);
            }
            outcomes = new AclMatrix(kafka).run();
            System.out.println("[lab] 8.4 the access matrix, with your ACLs:\n" + lines(outcomes));
        }
        return outcomes;
    }

    private static String lines(List<AclMatrix.Outcome> outcomes) {
        return outcomes.stream().map(o -> (o.asExpected() ? "  ok  " : "  NO  ") + o).collect(Collectors.joining("\n"));
    }
}
