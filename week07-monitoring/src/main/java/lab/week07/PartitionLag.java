package lab.week07;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on one partition.
 *
 * @param committed the group's committed offset: the next record it will read
 * @param end       the partition's end offset: the offset the next record written will get
 * @param records   records written and not yet read: {@code end - committed}
 * @param behind    how long ago the oldest unread record was written; zero when nothing is unread
 */
public record PartitionLag(TopicPartition partition, long committed, long end, long records, Duration behind) {
}
