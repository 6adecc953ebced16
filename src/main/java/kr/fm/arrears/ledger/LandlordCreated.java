package kr.fm.arrears.ledger;

/** A landlord was registered. */
public record LandlordCreated(String actor, long landlordId, String name) {}
