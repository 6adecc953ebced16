package kr.fm.arrears.ledger;

/** A building of a landlord was registered. */
public record BuildingCreated(String actor, long buildingId, String name, long landlordId) {}
