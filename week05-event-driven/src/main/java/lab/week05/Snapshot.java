package lab.week05;

/**
 * An order's state saved so that loading it need not read its whole history: {@code state} holds every
 * event of the order on the event topic below offset {@code coversUpTo}.
 */
public record Snapshot(Order state, long coversUpTo) {
}
