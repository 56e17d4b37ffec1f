package lab.week07;

/** What a consumer group is doing, judged from its recent samples (the statuses of LinkedIn's Burrow, simplified). */
public enum GroupStatus {
    /** Caught up, or catching up: nobody needs to look. */
    OK,
    /** Making progress, but the lag grew at every look: it is slower than the producers. */
    LAGGING,
    /** Members are there, records wait, and nothing was committed over the whole window: stuck. */
    STALLED,
    /** Records wait and the group has no member at all: the service is down. */
    STOPPED
}
