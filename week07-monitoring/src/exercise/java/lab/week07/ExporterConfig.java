package lab.week07;

/**
 * Exercise 7.3: from JMX names to Prometheus names. Prometheus cannot read JMX; an exporter reads the
 * MBeans and publishes samples under names and labels its rules choose. Good names are what dashboards
 * and alerts are written against for years: one metric per meaning, its unit in the name, a counter
 * that ends in {@code _total}, and the things to group by (topic, request type) as labels, not as parts
 * of the name. The broker a sample came from is added by Prometheus, from the target it scraped.
 */
public final class ExporterConfig {

    private ExporterConfig() {
    }

    /** The JMX exporter's configuration (without {@code jmxUrl}), for brokers and controllers alike. */
    public static String yaml() {
        // TODO 7.3: one rule per series of the README's table; what to group by goes into labels, not names.
        throw new UnsupportedOperationException("Exercise 7.3 not done yet: see HINTS.md#73");
    }
}
