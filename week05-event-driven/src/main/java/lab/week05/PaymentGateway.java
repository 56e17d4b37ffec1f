package lab.week05;

import java.util.HashSet;
import java.util.Set;

/** The payment provider (given): declines any charge over the customer's limit. Idempotent per order. */
public final class PaymentGateway {

    private final long limitCents;
    private final Set<String> charged = new HashSet<>();

    public PaymentGateway(long limitCents) {
        this.limitCents = limitCents;
    }

    public synchronized boolean charge(SagaMessage order) {
        if (order.amountCents() > limitCents) {
            return false;
        }
        charged.add(order.orderId());
        return true;
    }

    public synchronized boolean wasCharged(String orderId) {
        return charged.contains(orderId);
    }
}
