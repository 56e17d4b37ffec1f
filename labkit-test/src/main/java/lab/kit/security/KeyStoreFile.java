package lab.kit.security;

import java.nio.file.Path;
import java.util.Map;

/** A keystore or truststore file, its password and its type: what a client's or a broker's ssl.* settings name. */
public record KeyStoreFile(Path path, String password, String type) {

    /** As a client's truststore: {@code ssl.truststore.location}, {@code .password}, {@code .type}. */
    public Map<String, Object> asTruststore() {
        return Map.of("ssl.truststore.location", path.toString(), "ssl.truststore.password", password,
                "ssl.truststore.type", type);
    }

    /** As a client's keystore (its own certificate, for mTLS): {@code ssl.keystore.location}, and so on. */
    public Map<String, Object> asKeystore() {
        return Map.of("ssl.keystore.location", path.toString(), "ssl.keystore.password", password,
                "ssl.keystore.type", type);
    }
}
