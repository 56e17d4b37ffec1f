package lab.week06;

/** One rule a topic breaks, with the value found: {@code Finding("orders", MIN_ISR_BELOW_2, "1")}. */
public record Finding(String topic, Rule rule, String found) {

    /** The production rules for topics whose writes must survive a broker's loss. */
    public enum Rule {
        /** Fewer than 3 copies: one broker down leaves one copy, or none. */
        REPLICATION_FACTOR_BELOW_3,
        /** A write counts when one copy has it: that copy's disk is all that stands between it and loss. */
        MIN_ISR_BELOW_2,
        /** As many in-sync copies required as exist: one broker down stops every write. */
        MIN_ISR_NOT_BELOW_REPLICATION_FACTOR,
        /** A replica that missed writes may become leader: acknowledged records can vanish. */
        UNCLEAN_ELECTION_ENABLED
    }
}
