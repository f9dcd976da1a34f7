package fi.voimala.scheduling.events;

import java.util.List;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.scheduling.group.{created,changed}.v1}: the activity group's state after the change
 * (docs/events.md), without its contact person. The contact's name, phone and e-mail are personal data that only
 * the group's planners need; no other service does, so they stay in scheduling's API and never reach Kafka (where
 * every consumer would keep them until its topic's retention ends). {@code targetGroup} and {@code needs} are the
 * names of {@code TargetGroup} and {@code Need}, the needs sorted.
 */
public record GroupEventData(UUID id, long version, UUID siteId, String name, String targetGroup, int size,
                             List<String> needs) {
}
