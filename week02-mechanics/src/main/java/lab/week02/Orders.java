package lab.week02;

/**
 * Record keys of this week: orders are keyed by customer, so one customer's orders stay in order.
 * VIP customers' ids start with {@value #VIP_PREFIX}.
 */
public final class Orders {

    public static final String VIP_PREFIX = "vip-";

    private Orders() {
    }

    public static boolean isVip(String customerId) {
        return customerId != null && customerId.startsWith(VIP_PREFIX);
    }
}
