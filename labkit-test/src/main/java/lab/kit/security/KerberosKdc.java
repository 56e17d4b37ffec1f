package lab.kit.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * A Kerberos KDC (Apache Kerby) in the test's JVM, for the realm {@value #REALM}: it issues the tickets a
 * GSSAPI client and broker show each other. Principals are made with a keytab each, under the KDC's
 * folder; the JVM's Kerberos configuration ({@code java.security.krb5.conf}) points at this KDC while it
 * runs. One KDC per JVM at a time.
 *
 * <pre>{@code
 * try (var kdc = KerberosKdc.start(folder)) {
 *     var broker = kdc.principal("kafka/localhost");      // the broker's service principal
 *     var orders = kdc.principal("order-service");        // a client
 * }
 * }</pre>
 */
public final class KerberosKdc implements AutoCloseable {

    public static final String REALM = "SHOP.LAB";
    private static volatile Integer jvmPort;

    private final SimpleKdcServer server;
    private final Path folder;
    private final int port;

    private KerberosKdc(SimpleKdcServer server, Path folder, int port) {
        this.server = server;
        this.folder = folder;
        this.port = port;
    }

    /** A principal's full name and the keytab that holds its key. */
    public record Principal(String name, Path keytab) {
    }

    /** Starts a KDC on a free TCP port, its files under {@code folder}. */
    public static KerberosKdc start(Path folder) {
        try {
            Files.createDirectories(folder);
            // The JVM keeps the first krb5.conf it reads (the KDC's address in it): a KDC started again in the
            // same JVM takes the same port, so that cached address stays right.
            var port = jvmPort != null ? jvmPort : freePort();
            jvmPort = port;
            var server = new SimpleKdcServer();
            server.setWorkDir(folder.toFile());
            server.setKdcHost("localhost");
            server.setKdcRealm(REALM);
            server.setAllowUdp(false);
            server.setKdcTcpPort(port);
            server.init();
            server.start();
            // The JVM reads its Kerberos configuration once; point it at this KDC and make it read again.
            System.setProperty("java.security.krb5.conf", folder.resolve("krb5.conf").toString());
            refreshKerberosConfig();
            return new KerberosKdc(server, folder, port);
        } catch (KrbException e) {
            throw new IllegalStateException("The KDC (Apache Kerby) did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the KDC's folder " + folder, e);
        }
    }

    /** Makes {@code name} (e.g. "order-service" or "kafka/localhost") in the realm, with a random key, exported to a keytab. */
    public Principal principal(String name) {
        var keytab = folder.resolve(name.replace('/', '_') + ".keytab");
        try {
            // One key per keytab: exporting through createAndExportPrincipals writes every principal's key.
            server.createPrincipal(name);
            server.getKadmin().exportKeytab(keytab.toFile(), name);
        } catch (KrbException e) {
            throw new IllegalStateException("The KDC could not make the principal " + name + ": " + e.getMessage(), e);
        }
        return new Principal(name + "@" + REALM, keytab);
    }

    /** Where the KDC listens (TCP). */
    public int port() {
        return port;
    }

    /** Stops the KDC: clients that need a new ticket then fail, as when a real KDC is down. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (KrbException e) {
            throw new IllegalStateException("The KDC did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** The JDK caches krb5.conf; its internal refresh is the only way to make it read a new one. */
    private static void refreshKerberosConfig() {
        try {
            Class.forName("sun.security.krb5.Config").getMethod("refresh").invoke(null);
        } catch (ReflectiveOperationException e) {
            // Not reachable (a JDK without it, or its module closed): the next JVM reads the file anyway.
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
