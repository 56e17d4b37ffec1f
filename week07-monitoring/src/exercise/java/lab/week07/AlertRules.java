package lab.week07;

/**
 * Exercise 7.4: alerts that wake someone only when something is wrong, and always then. An alert is a
 * PromQL condition that must hold for a while before it fires, so a blip does not page anyone; its
 * labels route it (a severity decides who is woken); its annotations tell the person what happened.
 * The hard part is the condition: it must also hold when the data it needs is missing.
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** A Prometheus rule file with the three alerts of the README's table (the lab's short "for" durations). */
    public static String yaml() {
        // TODO 7.4: one alert per row of the table; each must fire once for the cluster, also when a series is missing.
        throw new UnsupportedOperationException("Exercise 7.4 not done yet: see HINTS.md#74");
    }
}
