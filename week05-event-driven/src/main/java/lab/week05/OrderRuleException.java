package lab.week05;

/** A command the order's rules refuse, e.g. shipping an order that is not paid. Nothing was written. */
public final class OrderRuleException extends RuntimeException {

    public OrderRuleException(String message) {
        super(message);
    }
}
