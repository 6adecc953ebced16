package kr.fm.arrears.escalation;

import java.time.LocalDate;
import java.util.List;

/** A MANAGER agreed a payment plan for an open case: it holds the case from {@code startsOn}. */
public record PlanAgreed(String actor, long planId, long caseId, long leaseId, LocalDate startsOn, long principal,
        long interest, int graceDays, Stage stageAtStart, List<PaymentPlans.Instalment> instalments) {}
