package kr.fm.arrears.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's settings: {@code arrears.charges.cron}, when the monthly charges are generated (Quartz
 * cron, Asia/Seoul), and {@code arrears.deposit.flag-percent}, the share of the deposit owed at which
 * a lease's deposit coverage is flagged.
 */
@ConfigurationProperties("arrears")
record LedgerSettings(Charges charges, @DefaultValue Deposit deposit) {

    record Charges(String cron) {}

    record Deposit(@DefaultValue("" + DepositCoverage.DEFAULT_FLAG_PERCENT) int flagPercent) {}
}
