package lab.week05;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static lab.kit.junit.LabAssertions.assertFails;
import static lab.week05.OutboxRows.firstColumn;
import static lab.week05.OutboxRows.orderIds;
import static lab.week05.OutboxRows.unpublished;
import static lab.week05.OutboxRows.unpublishedSeenElsewhere;
import static org.assertj.core.api.Assertions.assertThat;

/** On real PostgreSQL 17 (embedded, shared by the test JVM; see SharedPostgres); no Kafka: the outbox is the database's part. */
@Tag("ex5.6")
@DisplayName("5.6 The transactional outbox: the order and its event in one transaction")
class OrderOutboxTest {

    private static final OrderEvent.Placed O1 = new OrderEvent.Placed("o-1", "ana", "sku-7", 2, 2_500);
    private static final OrderEvent.Placed O2 = new OrderEvent.Placed("o-2", "ben", "sku-1", 1, 900);
    private static final OrderEvent.Placed REJECTED = new OrderEvent.Placed("o-bad", "cy", "sku-2", 1, 700);

    @Test
    @DisplayName("an order is stored with its event, pending, in the outbox row's layout")
    void orderWithItsEvent() throws Exception {
        var db = SharedPostgres.newSchema();
        try (var connection = SharedPostgres.connect(db)) {
            var eventId = OrderOutbox.placeOrder(connection, O1);

            assertThat(orderIds(connection)).as("rows in orders").containsExactly("o-1");
            assertThat(unpublishedSeenElsewhere(db)).as("unpublished outbox rows seen from another connection (was the "
                    + "transaction committed?); the returned id is the event id of the outbox row").containsExactly(eventId);
            assertThat(firstColumn(connection, "SELECT aggregate_type || ' ' || aggregate_id || ' ' || type FROM outbox"))
                    .as("the outbox row's aggregate_type, aggregate_id and type").containsExactly("order o-1 OrderPlaced");
            assertThat(firstColumn(connection, "SELECT payload::text FROM outbox")).as("the outbox row's payload: the order as JSON")
                    .singleElement().satisfies(payload -> assertThat(Json.read(payload, OrderEvent.class)).isEqualTo(O1));
        }
    }

    @Test
    @DisplayName("the order and its event are written together, or not at all")
    void orderAndEventTogether() throws Exception {
        var db = SharedPostgres.newSchema();
        try (var connection = SharedPostgres.connect(db)) {
            rejectOutboxRowsOf(connection, REJECTED.orderId());
            var eventId = OrderOutbox.placeOrder(connection, O1);

            assertFails("placing an order whose outbox row the database refuses (the second insert fails)",
                    () -> OrderOutbox.placeOrder(connection, REJECTED)).isInstanceOf(SQLException.class);
            var next = placeAfterTheFailure(connection, O2);

            assertThat(orderIds(connection)).as("rows in orders: the refused order's row went with its event (rolled back)")
                    .containsExactly("o-1", "o-2");
            assertThat(unpublished(connection)).as("unpublished outbox rows").containsExactly(eventId, next);
        }
    }

    /** The same connection goes on working after a failed order, if that order's transaction was rolled back. */
    private static String placeAfterTheFailure(Connection connection, OrderEvent.Placed order) {
        try {
            return OrderOutbox.placeOrder(connection, order);
        } catch (SQLException e) {
            throw new AssertionError("Placing " + order.orderId() + " on the same connection after the failed order: "
                    + e.getMessage() + " (did placeOrder roll the failed transaction back before rethrowing?)", e);
        }
    }

    /** A trigger that makes the outbox insert of {@code orderId}'s event fail, after its order row went in. */
    private static void rejectOutboxRowsOf(Connection connection, String orderId) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION reject_outbox_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'outbox refuses the event of order %', NEW.aggregate_id; END $$");
            statement.execute("CREATE TRIGGER reject_outbox_row BEFORE INSERT ON outbox FOR EACH ROW WHEN "
                    + "(NEW.aggregate_id = '" + orderId + "') EXECUTE FUNCTION reject_outbox_row()");
        }
    }
}
