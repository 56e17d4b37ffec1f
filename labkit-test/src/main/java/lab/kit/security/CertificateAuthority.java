package lab.kit.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, as a company's internal CA would be: it signs the brokers'
 * and the services' certificates, and its own certificate is what clients and brokers trust. Keys are EC
 * P-256 (fast to make); every file is PKCS12 with a throwaway password, under the folder it was made in.
 * Nothing it makes is secret beyond the test run, and none of it is committed.
 *
 * <pre>{@code
 * var ca = CertificateAuthority.create("Shop CA", folder);
 * var broker = ca.issue("broker", "CN=localhost,OU=brokers,O=Kafka Lab", Validity.days(1), "localhost", "127.0.0.1");
 * var orders = ca.issue("order-service", "CN=order-service,OU=shop,O=Kafka Lab", Validity.days(1));
 * }</pre>
 */
public final class CertificateAuthority {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final String SIGNATURE = "SHA256withECDSA";

    private final String name;
    private final Path folder;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final KeyStoreFile truststore;

    private CertificateAuthority(String name, Path folder, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.folder = folder;
        this.keys = keys;
        this.certificate = certificate;
        this.truststore = writeTruststore(folder.resolve(fileName(name) + "-truststore.p12"), certificate);
    }

    /** When a certificate is valid: from a minute ago (clocks differ) for {@code length}, or a window of its own. */
    public record Validity(Instant notBefore, Instant notAfter) {
        public static Validity days(int days) {
            var now = Instant.now();
            return new Validity(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(days)));
        }

        /** A certificate that expired {@code ago}: for the lesson on what an expired certificate looks like. */
        public static Validity expired(Duration ago) {
            var end = Instant.now().minus(ago);
            return new Validity(end.minus(Duration.ofDays(30)), end);
        }
    }

    /** A new CA named {@code name} (its certificate's CN), writing its files under {@code folder}. */
    public static CertificateAuthority create(String name, Path folder) {
        try {
            Files.createDirectories(folder);
            var keys = newKeys();
            var subject = name("CN=" + name + ",O=Kafka Lab");
            var validity = Validity.days(30);
            org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(validity.notBefore()),
                    Date.from(validity.notAfter()), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            var certificate = sign(builder, keys);
            return new CertificateAuthority(name, folder, keys, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CA's files under " + folder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make the CA " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A key and a certificate for {@code subject} (a distinguished name such as
     * {@code CN=order-service,OU=shop,O=Kafka Lab}), signed by this CA, in a PKCS12 keystore named after
     * {@code file}. {@code hosts} become the certificate's subject alternative names: host names as DNS
     * names, dotted numbers as IP addresses. A client checks the broker's address against them.
     */
    public KeyStoreFile issue(String file, String subject, Validity validity, String... hosts) {
        try {
            var subjectKeys = newKeys();
            org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(validity.notBefore()),
                    Date.from(validity.notAfter()), name(subject), subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            if (hosts.length > 0) {
                var names = new ArrayList<GeneralName>();
                for (var host : hosts) {
                    names.add(new GeneralName(host.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, host));
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var issued = sign(builder, keys);
            var password = password();
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(fileName(file), subjectKeys.getPrivate(), password.toCharArray(), new Certificate[] {issued, certificate});
            var path = folder.resolve(fileName(file) + "-keystore.p12");
            write(store, path, password);
            return new KeyStoreFile(path, password, "PKCS12");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keystore for " + subject + " under " + folder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** The CA's certificate in a truststore: what trusts every certificate this CA signed. */
    public KeyStoreFile truststore() {
        return truststore;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String name() {
        return name;
    }

    private static KeyStoreFile writeTruststore(Path path, X509Certificate certificate) {
        try {
            var password = password();
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            write(store, path, password);
            return new KeyStoreFile(path, password, "PKCS12");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the truststore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the truststore " + path + ": " + e.getMessage(), e);
        }
    }

    private static void write(KeyStore store, Path path, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        var signed = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(signed);
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    /**
     * A name as written, e.g. {@code CN=order-service,OU=shop,O=Kafka Lab}: read in RFC 4514's order, so the
     * broker (Java's RFC 2253 form) sees it as written, and principal mapping rules match what was written.
     */
    private static X500Name name(String distinguishedName) {
        return new X500Name(org.bouncycastle.asn1.x500.style.RFC4519Style.INSTANCE, distinguishedName);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    /** A throwaway password, new for every file: none is ever the same twice, or written into the repo. */
    private static String password() {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String fileName(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9.-]+", "-");
    }
}
