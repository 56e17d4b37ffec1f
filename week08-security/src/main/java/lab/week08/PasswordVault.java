package lab.week08;

/**
 * Where the shop keeps its services' passwords: a secrets manager (HashiCorp Vault, a cloud's secret store),
 * never the cluster and never a backup of it. A cluster keeps only a salted hash of each SCRAM password and
 * gives back not even that, so a restored user's password can only come from here.
 *
 * <pre>{@code
 * PasswordVault vault = user -> secrets.read("kafka/users/" + user);
 * }</pre>
 */
@FunctionalInterface
public interface PasswordVault {

    /** The password of {@code user}; throws if the vault keeps none for it. */
    String passwordOf(String user);
}
