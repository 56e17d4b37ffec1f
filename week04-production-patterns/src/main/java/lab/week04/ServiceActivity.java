package lab.week04;

import java.time.Instant;

/** What the service's poll loop reports about itself, for the health check: when it last polled. */
public final class ServiceActivity {

    private volatile Instant lastPoll;

    /** Called by the poll loop after every {@code poll()}. */
    public void polled(Instant at) {
        lastPoll = at;
    }

    /** When the loop last polled, or null if it never has. */
    public Instant lastPoll() {
        return lastPoll;
    }
}
