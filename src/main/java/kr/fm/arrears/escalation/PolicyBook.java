package kr.fm.arrears.escalation;

import java.util.Map;

/** Every ladder in force: the default and the overrides. A building's own wins over its landlord's. */
public record PolicyBook(Policy defaults, Map<Long, Policy> byLandlord, Map<Long, Policy> byBuilding) {

    public Policy forLease(long buildingId, long landlordId) {
        Policy own = byBuilding.get(buildingId);
        if (own != null) {
            return own;
        }
        return byLandlord.getOrDefault(landlordId, defaults);
    }
}
