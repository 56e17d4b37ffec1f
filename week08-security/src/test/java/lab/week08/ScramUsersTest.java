package lab.week08;

import java.util.List;
import java.util.Objects;

import lab.kit.junit.KafkaLab;
import lab.kit.junit.WithKafka;
import lab.kit.security.SecuredCluster.Listener;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's SCRAM users, made through the Admin API on a real broker (the kit's own door, a super user),
 * then used to log in on its SASL_SSL listener; a wrong password, an unknown user, a removed user and a
 * mechanism the listener does not offer are refused with Kafka's real error.
 */
@WithKafka(secured = true)
@Tag("ex8.3")
@DisplayName("8.3 Users with SCRAM passwords, made through the Admin API")
class ScramUsersTest {

    @Test
    @DisplayName("a user created through the Admin API logs in on the SASL_SSL listener")
    void createdUserLogsIn(KafkaLab kafka) {
        var user = kafka.uniqueName("payment-service");
        var settings = ScramUsers.clientSettings(user, "pay-pw-1", Clients.truststore(kafka.security().ca().truststore()));

        ScramUsers.create(kafka.admin(), user, "pay-pw-1");

        var outcome = Clients.awaitOutcome(Clients.at(kafka.security().bootstrap(Listener.SASL_SSL), settings), Objects::isNull);
        assertThat(outcome).as("logging in as %s with the password it was created with, settings %s:%s", user, settings,
                outcome == null ? "" : Clients.chain(outcome)).isNull();
    }

    @Test
    @DisplayName("the broker keeps a SCRAM-SHA-512 credential with at least 4096 iterations, and no password")
    void storedCredential(KafkaLab kafka) throws Exception {
        var user = kafka.uniqueName("inventory-service");

        ScramUsers.create(kafka.admin(), user, "inv-pw-1");

        var described = kafka.admin().describeUserScramCredentials(List.of(user)).all().get().get(user);
        assertThat(described.credentialInfos()).as("the SCRAM credentials the cluster holds for %s", user).singleElement()
                .satisfies(info -> {
                    assertThat(info.mechanism()).as("its mechanism: the listener offers SCRAM-SHA-512").isEqualTo(ScramMechanism.SCRAM_SHA_512);
                    assertThat(info.iterations()).as("its iterations: each makes a stolen hash slower to guess").isGreaterThanOrEqualTo(4096);
                });
    }

    @Test
    @DisplayName("a wrong password and an unknown user are refused with SaslAuthenticationException")
    void wrongPasswordAndUnknownUser(KafkaLab kafka) {
        var user = kafka.uniqueName("notification-service");
        var truststore = Clients.truststore(kafka.security().ca().truststore());
        var bootstrap = kafka.security().bootstrap(Listener.SASL_SSL);
        ScramUsers.create(kafka.admin(), user, "note-pw-1");
        Clients.awaitOutcome(Clients.at(bootstrap, ScramUsers.clientSettings(user, "note-pw-1", truststore)), Objects::isNull);

        var wrongPassword = Clients.failureOf(Clients.at(bootstrap, ScramUsers.clientSettings(user, "note-pw-2", truststore)));
        var unknownUser = Clients.failureOf(Clients.at(bootstrap, ScramUsers.clientSettings(user + "-x", "note-pw-1", truststore)));

        assertThat(wrongPassword).as("logging in as %s with a wrong password", user).isInstanceOf(SaslAuthenticationException.class);
        assertThat(unknownUser).as("logging in as a user nobody created").isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    @DisplayName("a mechanism the listener does not offer is refused, with the ones it does")
    void unknownMechanism(KafkaLab kafka) {
        var user = kafka.uniqueName("order-service");
        ScramUsers.create(kafka.admin(), user, "ord-pw-1");
        var settings = new java.util.HashMap<>(ScramUsers.clientSettings(user, "ord-pw-1",
                Clients.truststore(kafka.security().ca().truststore())));
        // A client configured for the other SCRAM variant, as one copied from another cluster would be.
        settings.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-256");

        var failure = Clients.failureOf(Clients.at(kafka.security().bootstrap(Listener.SASL_SSL), settings));

        assertThat(failure).as("logging in with SCRAM-SHA-256 on a listener that offers PLAIN and SCRAM-SHA-512:"
                + " Kafka's own error, which names what the listener offers")
                .isInstanceOf(UnsupportedSaslMechanismException.class).hasMessageContaining("SCRAM-SHA-512");
    }

    @Test
    @DisplayName("a removed user can no longer log in")
    void removedUser(KafkaLab kafka) {
        var user = kafka.uniqueName("analytics-service");
        var settings = Clients.at(kafka.security().bootstrap(Listener.SASL_SSL),
                ScramUsers.clientSettings(user, "ana-pw-1", Clients.truststore(kafka.security().ca().truststore())));
        ScramUsers.create(kafka.admin(), user, "ana-pw-1");
        assertThat(Clients.awaitOutcome(settings, Objects::isNull)).as("%s logging in before it is removed", user).isNull();

        ScramUsers.remove(kafka.admin(), user);

        var outcome = Clients.awaitOutcome(settings, failure -> failure instanceof SaslAuthenticationException);
        assertThat(outcome).as("logging in as %s after remove(): its credential must be gone", user)
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(credentialsOf(kafka, user)).as("the cluster's SCRAM credentials for %s after remove(): none at all, not"
                + " one with a new password", user).isEmpty();
    }

    /** The SCRAM credentials the cluster holds for {@code user}: none when it knows no such user. */
    private static List<org.apache.kafka.clients.admin.ScramCredentialInfo> credentialsOf(KafkaLab kafka, String user) {
        try {
            return kafka.admin().describeUserScramCredentials(List.of(user)).all().get().get(user).credentialInfos();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.ResourceNotFoundException) {
                return List.of();
            }
            throw new IllegalStateException("Describing the SCRAM credentials of " + user + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("the settings put TLS around the login: SASL_SSL and SCRAM-SHA-512")
    void tlsAroundTheLogin(KafkaLab kafka) {
        var settings = ScramUsers.clientSettings("payment-service", "pay-pw-1", Clients.truststore(kafka.security().ca().truststore()));

        assertThat(settings.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).as("security.protocol in %s: SASL_PLAINTEXT"
                + " would send everything after the login readable", settings).hasToString("SASL_SSL");
        assertThat(settings.get(SaslConfigs.SASL_MECHANISM)).as("sasl.mechanism in %s", settings).hasToString(ScramUsers.MECHANISM);
    }
}
