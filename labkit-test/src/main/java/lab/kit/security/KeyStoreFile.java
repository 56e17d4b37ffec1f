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

    /** The certificate of its first entry: a keystore's own certificate, or a truststore's first CA. */
    public java.security.cert.X509Certificate certificate() {
        try (var in = java.nio.file.Files.newInputStream(path)) {
            var store = java.security.KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return (java.security.cert.X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate in " + path + ": " + e.getMessage(), e);
        }
    }

    /** As a client's keystore (its own certificate, for mTLS): {@code ssl.keystore.location}, and so on. */
    public Map<String, Object> asKeystore() {
        return Map.of("ssl.keystore.location", path.toString(), "ssl.keystore.password", password,
                "ssl.keystore.type", type);
    }
}
