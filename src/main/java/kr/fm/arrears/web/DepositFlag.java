package kr.fm.arrears.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The board's deposit flag ({@code arrears.deposit.flag-percent}): a case is flagged once what the
 * tenant owes reaches this share of the deposit. The ledger's setting, read here until the ledger
 * hands it out itself.
 */
@ConfigurationProperties("arrears.deposit")
record DepositFlag(@DefaultValue("50") int flagPercent) {}
