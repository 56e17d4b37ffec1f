package lab.week08;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import lab.kit.security.KeyStoreFile;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import static org.assertj.core.api.Assertions.catchThrowable;

/** The week's tests' way to a secured listener: settings with an address, and what a first request meets. */
final class Clients {

    /** Long enough for a TLS or SASL handshake on a busy machine; short enough that a client that gets no answer fails soon. */
    static final int TIMEOUT_MS = 2_000;

    private Clients() {
    }

    static Truststore truststore(KeyStoreFile file) {
        return new Truststore(file.path(), file.password(), file.type());
    }

    static Keystore keystore(KeyStoreFile file) {
        return new Keystore(file.path(), file.password(), file.type());
    }

    /** {@code settings} pointed at {@code bootstrap}, with short timeouts. */
    static Map<String, Object> at(String bootstrap, Map<String, Object> settings) {
        var config = new HashMap<String, Object>(settings);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        return config;
    }

    /** The cluster's id, asked with an Admin client: the first request after the handshake and authentication. */
    static String clusterId(Map<String, Object> config) {
        try (var admin = Admin.create(config)) {
            return admin.describeCluster().clusterId().get(TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT_MS * 3 + " ms", e);
        }
    }

    /** What asking for the cluster's id with {@code config} throws; null if it succeeds. */
    static Throwable failureOf(Map<String, Object> config) {
        return catchThrowable(() -> clusterId(config));
    }

    /**
     * Asks until {@code expectation} holds for the outcome (null: the request succeeded), for at most 5 s:
     * a user's credential reaches the broker through the cluster's metadata a moment after the Admin call.
     * Returns the last outcome.
     */
    static Throwable awaitOutcome(Map<String, Object> config, java.util.function.Predicate<Throwable> expectation) {
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        var outcome = failureOf(config);
        while (!expectation.test(outcome) && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(100); // between two asks, not a wait for a result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            outcome = failureOf(config);
        }
        return outcome;
    }

    /** The exception and its causes, one per line: what a learner reads in a log. */
    static String chain(Throwable failure) {
        var text = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            text.append("\n    ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
