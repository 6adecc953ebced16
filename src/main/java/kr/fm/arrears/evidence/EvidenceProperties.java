package kr.fm.arrears.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the evidence pack ({@code arrears.evidence.*}).
 *
 * @param serviceFeePerRound 1회분 송달료 (원) the courts charge; it changes by 대법원 고시, so it is a setting
 *                           (5,500원 in 2025: docs/evidence.md)
 * @param serviceRounds      송달료 회분 per party for a 지급명령 신청 (4: 송달료규칙의 시행에 따른 업무처리요령)
 */
@ConfigurationProperties("arrears.evidence")
record EvidenceProperties(@DefaultValue("5500") long serviceFeePerRound, @DefaultValue("4") int serviceRounds) {}
