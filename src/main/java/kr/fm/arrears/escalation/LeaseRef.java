package kr.fm.arrears.escalation;

/** A lease as the run pages over it: enough to pick its ladder. */
public record LeaseRef(long leaseId, long buildingId, long landlordId) {}
