package kr.fm.arrears.ledger;

/** A unit (호실) of a building was registered. */
public record UnitCreated(String actor, long unitId, long buildingId, String unitNo) {}
