package lab.week08;

import java.nio.file.Path;

/**
 * A truststore file: the certificates of the authorities a client trusts, its password and its type
 * (PKCS12 here). The shop's CA made it; the test hands it over.
 */
public record Truststore(Path path, String password, String type) {
}
