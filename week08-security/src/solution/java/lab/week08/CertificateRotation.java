package lab.week08;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Exercise 8.6: the broker's certificate expires in a week. Restarting every broker to swap it would move
 * every partition's leadership twice and stall the shop's writes; Kafka can swap a listener's keystore on a
 * running broker instead. New connections get the new certificate; open ones keep theirs until they close.
 */
public final class CertificateRotation {

    private CertificateRotation() {
    }

    /**
     * Gives the listener {@code listener} (e.g. "SSL") of broker {@code brokerId} the keystore {@code fresh},
     * without a restart. Throws, with the broker's reason, when the broker refuses it.
     */
    public static void rotate(Admin admin, int brokerId, String listener, Keystore fresh) {
        // The listener's own keystore settings (listener.name.<listener>.ssl.*) win over the broker-wide ones:
        // change those, on this broker (its id), all in one request so the broker never sees half of it.
        var prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        var broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(brokerId));
        var changes = List.of(set(prefix + "ssl.keystore.location", fresh.path().toString()),
                set(prefix + "ssl.keystore.password", fresh.password()),
                set(prefix + "ssl.key.password", fresh.password()),
                set(prefix + "ssl.keystore.type", fresh.type()));
        try {
            admin.incrementalAlterConfigs(Map.of(broker, changes)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Broker " + brokerId + " refused the new keystore for " + listener + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rotating the certificate of " + listener, e);
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }
}
