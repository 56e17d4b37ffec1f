package lab.week08;

import java.nio.file.Path;

/**
 * A keystore file: a service's own key and the certificate the shop's CA signed for it, its password and
 * its type (PKCS12 here). What a client shows when the broker asks who it is (mutual TLS).
 */
public record Keystore(Path path, String password, String type) {
}
