package lab.kit.security;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lab.kit.broker.EmbeddedCluster;
import lab.kit.broker.LabCluster;
import lab.kit.process.Folders;
import org.apache.kafka.common.network.ListenerName;

/**
 * One embedded broker with a listener for each way a client can be secured, certificates and users made
 * when it starts, and the StandardAuthorizer denying whatever no ACL allows. Week 8's lessons connect to
 * the listener they are about; the kit itself (topics, ACLs, users) uses the PLAINTEXT listener, whose
 * anonymous user is a super user: the lab's own door, which a production cluster would not have.
 *
 * <table>
 *   <tr><th>listener</th><th>protocol</th><th>what it asks of a client</th></tr>
 *   <tr><td>SSL</td><td>TLS</td><td>to trust the shop's CA</td></tr>
 *   <tr><td>MTLS</td><td>TLS, client certificates required</td><td>a certificate the CA signed; its CN is the user</td></tr>
 *   <tr><td>SASL_SSL</td><td>TLS, then SASL PLAIN or SCRAM-SHA-512</td><td>a user name and password</td></tr>
 *   <tr><td>SASL_PLAINTEXT</td><td>SASL PLAIN without TLS</td><td>a password, sent readable: the lesson on why not</td></tr>
 *   <tr><td>IMPOSTOR</td><td>TLS, with a certificate for another host</td><td>a client must refuse it</td></tr>
 * </table>
 */
public final class SecuredCluster implements LabCluster {

    /** The broker's listeners for secured clients, by name. */
    public enum Listener { SSL, MTLS, SASL_SSL, SASL_PLAINTEXT, IMPOSTOR }

    /** The PLAIN users the broker knows from its configuration (SCRAM users are made through the Admin API). */
    public static final Map<String, String> PLAIN_USERS = Map.of("admin", "admin-secret", "analytics", "analytics-secret");

    /** mTLS users: the CN of a shop certificate ({@code CN=order-service,OU=shop,O=Kafka Lab} is User:order-service). */
    public static final String SHOP_PRINCIPAL_RULES = "RULE:^CN=([a-z0-9-]+),OU=shop,O=Kafka Lab$/$1/,DEFAULT";

    private final EmbeddedCluster cluster;
    private final Path folder;
    private final CertificateAuthority ca;
    private final CertificateAuthority strangerCa;

    private SecuredCluster(EmbeddedCluster cluster, Path folder, CertificateAuthority ca, CertificateAuthority strangerCa) {
        this.cluster = cluster;
        this.folder = folder;
        this.ca = ca;
        this.strangerCa = strangerCa;
    }

    /** Starts the broker with the shop's mapping of certificate names to users. */
    public static SecuredCluster start() {
        return start(Map.of());
    }

    /**
     * Starts the broker with {@code overrides} added to its configuration, e.g. another
     * {@code listener.name.mtls.ssl.principal.mapping.rules}.
     */
    public static SecuredCluster start(Map<String, String> overrides) {
        var folder = freshFolder();
        var ca = CertificateAuthority.create("Shop CA", folder);
        var strangerCa = CertificateAuthority.create("Stranger CA", folder);
        var config = new HashMap<>(brokerConfig(folder, ca));
        config.putAll(overrides);
        return new SecuredCluster(EmbeddedCluster.start(1, config), folder, ca, strangerCa);
    }

    /** {@code <lab.log.dir>/security/run-<pid>-<n>}: this JVM's certificates, deleted when the broker stops. */
    private static Path freshFolder() {
        try {
            return java.nio.file.Files.createDirectories(Path.of(System.getProperty("lab.log.dir", "target"), "security",
                    "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot make a folder for the broker's certificates", e);
        }
    }

    private static Map<String, String> brokerConfig(Path folder, CertificateAuthority ca) {
        var validity = CertificateAuthority.Validity.days(1);
        var brokerKeys = ca.issue("broker", "CN=localhost,OU=brokers,O=Kafka Lab", validity, "localhost", "127.0.0.1");
        var impostorKeys = ca.issue("impostor", "CN=payments.example.com,OU=brokers,O=Kafka Lab", validity, "payments.example.com");
        var protocols = new LinkedHashMap<String, String>();
        protocols.put("EXTERNAL", "PLAINTEXT");
        protocols.put("CONTROLLER", "PLAINTEXT");
        protocols.put("SSL", "SSL");
        protocols.put("MTLS", "SSL");
        protocols.put("SASL_SSL", "SASL_SSL");
        protocols.put("SASL_PLAINTEXT", "SASL_PLAINTEXT");
        protocols.put("IMPOSTOR", "SSL");
        var config = new HashMap<String, String>();
        config.put("listeners", protocols.keySet().stream().map(name -> name + "://localhost:0").collect(Collectors.joining(",")));
        config.put("advertised.listeners", protocols.keySet().stream().filter(name -> !name.equals("CONTROLLER"))
                .map(name -> name + "://localhost:0").collect(Collectors.joining(",")));
        config.put("listener.security.protocol.map", protocols.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue()).collect(Collectors.joining(",")));
        for (var listener : new String[] {"ssl", "mtls", "sasl_ssl"}) {
            keystore(config, listener, brokerKeys);
        }
        keystore(config, "impostor", impostorKeys);
        var trust = ca.truststore();
        config.put("listener.name.mtls.ssl.truststore.location", trust.path().toString());
        config.put("listener.name.mtls.ssl.truststore.password", trust.password());
        config.put("listener.name.mtls.ssl.truststore.type", trust.type());
        config.put("listener.name.mtls.ssl.client.auth", "required");
        config.put("listener.name.mtls.ssl.principal.mapping.rules", SHOP_PRINCIPAL_RULES);
        var plainUsers = PLAIN_USERS.entrySet().stream().map(user -> "user_" + user.getKey() + "=\"" + user.getValue() + "\"")
                .collect(Collectors.joining(" "));
        for (var listener : new String[] {"sasl_ssl", "sasl_plaintext"}) {
            config.put("listener.name." + listener + ".plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required " + plainUsers + ";");
        }
        config.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "PLAIN");
        // Nothing is allowed that an ACL does not allow; the kit's own door (PLAINTEXT, anonymous) and the
        // admin user are super users.
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", "User:ANONYMOUS;User:admin");
        return config;
    }

    private static void keystore(Map<String, String> config, String listener, KeyStoreFile keys) {
        config.put("listener.name." + listener + ".ssl.keystore.location", keys.path().toString());
        config.put("listener.name." + listener + ".ssl.keystore.password", keys.password());
        config.put("listener.name." + listener + ".ssl.key.password", keys.password());
        config.put("listener.name." + listener + ".ssl.keystore.type", keys.type());
    }

    /** Where a client of {@code listener} connects: {@code localhost:<port>}. */
    public String bootstrap(Listener listener) {
        var broker = cluster.broker(cluster.brokerIds().iterator().next());
        return "localhost:" + broker.boundPort(new ListenerName(listener.name()));
    }

    /** The broker's id, for its dynamic configuration ({@code ConfigResource.Type.BROKER}). */
    public int brokerId() {
        return cluster.brokerIds().iterator().next();
    }

    /**
     * The certificate a new TLS connection to {@code listener} is shown now, read with a plain TLS socket
     * that trusts the shop's CA (and checks nothing else: it is only looking).
     */
    public java.security.cert.X509Certificate presentedCertificate(Listener listener) {
        try {
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            var store = java.security.KeyStore.getInstance(ca.truststore().type());
            try (var in = java.nio.file.Files.newInputStream(ca.truststore().path())) {
                store.load(in, ca.truststore().password().toCharArray());
            }
            trust.init(store);
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            var address = bootstrap(listener).split(":");
            try (var socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(address[0], Integer.parseInt(address[1]))) {
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                return (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate the " + listener + " listener presents: " + e, e);
        }
    }

    /** The shop's CA: it signed the broker's certificates, and it signs the services'. */
    public CertificateAuthority ca() {
        return ca;
    }

    /** Another CA, which nobody here trusts: for the lesson on an untrusted certificate. */
    public CertificateAuthority strangerCa() {
        return strangerCa;
    }

    /** The folder with this run's certificates and keystores (throwaway, made at start). */
    public Path folder() {
        return folder;
    }

    /** The PLAINTEXT listener: the kit's own door, a super user. Lessons use {@link #bootstrap(Listener)}. */
    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public Set<Integer> brokerIds() {
        return cluster.brokerIds();
    }

    @Override
    public String describe() {
        return "embedded, 1 broker with secured listeners (" + String.join(", ",
                java.util.Arrays.stream(Listener.values()).map(Enum::name).toList()) + ")";
    }

    @Override
    public void close() {
        cluster.close();
        Folders.deleteRecursively(folder);
    }
}
