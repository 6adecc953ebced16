package kr.fm.arrears.escalation;

import java.util.Map;
import java.util.stream.Stream;

/** Every ladder in force: the default and the overrides. A building's own wins over its landlord's. */
public record PolicyBook(Policy defaults, Map<Long, Policy> byLandlord, Map<Long, Policy> byBuilding) {

    public Policy forLease(long buildingId, long landlordId) {
        Policy own = byBuilding.get(buildingId);
        if (own != null) {
            return own;
        }
        return byLandlord.getOrDefault(landlordId, defaults);
    }

    /** The most days before a due date any ladder in force sends UPCOMING; 0 when no ladder sends it. */
    public int upcomingDaysAtMost() {
        return Stream.concat(Stream.of(defaults), Stream.concat(byLandlord.values().stream(), byBuilding.values().stream()))
                .map(p -> p.rule(Stage.UPCOMING)).filter(Policy.StageRule::enabled)
                .mapToInt(Policy.StageRule::threshold).max().orElse(0);
    }
}
