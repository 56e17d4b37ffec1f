package lab.kit.broker;

/**
 * A stand-in for a test JVM that dies: starts a one-broker process cluster, prints the node pids, then
 * waits to be killed. {@link ProcessClusterTest} kills it with SIGKILL and checks no node outlives it.
 */
public final class OrphanedClusterMain {

    private OrphanedClusterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        var cluster = ProcessCluster.builder().brokers(1).start();
        System.out.println("pids " + cluster.pid(0) + " " + cluster.pid(ProcessCluster.FIRST_CONTROLLER_ID));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
