<#-- 지급명령 신청서 (초안), as plain text in the sections of the e-filing form
     (전자소송 > 서류제출 > 민사 독촉 > 지급명령신청서): paste each section into its box. -->
[초안] 지급명령 신청서 — 변호사 또는 법무사의 검토를 받은 뒤 제출하십시오.
기준일: ${kdate(asOf)} / 작성일: ${kdate(today)}

■ 사건명
임대료 등 청구의 독촉

■ 채권자
상호(성명): ${landlord.name}
사업자등록번호: ${landlord.businessNo!"-"}
주소: ${landlord.address!""}
<#if landlord.phone?has_content>전화: ${landlord.phone}
</#if>

■ 채무자
상호(성명): ${tenant.name}
대표자: ${tenant.representative!"-"}
사업자등록번호: ${tenant.businessNo!"-"}
주소: ${tenant.address!""}

■ 청구금액
원금: ${won(order.principal + order.settledInterest)}
<#list claims as c>
 - ${c.items} (지급기일 ${c.dueDate}): ${won(c.amount)}, ${c.from}부터 다 갚는 날까지 연 ${order.ratePercent}%
</#list>
<#if order.settledInterest gt 0> - 늦게 낸 차임 등의 확정 지연손해금: ${won(order.settledInterest)}
</#if>

■ 청구취지
1. ${purport}
2. 독촉절차비용은 채무자가 부담한다.
라는 지급명령을 구합니다.

■ 청구원인
<#list causes as c>
${c?counter}. ${c}
</#list>

■ 소가 및 비용(예상)
소가: ${won(order.claimValue)}
인지액: ${won(fees.stamp)} (민사소송 등 인지법 제2조·제7조: 소장 인지액의 1/10, 100원 미만 버림, 최저 1,000원)
송달료: ${won(fees.serviceFee)} (당사자 ${fees.parties}명 × ${fees.rounds}회분 × ${won(fees.feePerRound)})
합계: ${won(feeTotal)}

■ 입증방법
<#list exhibits as e>
${e}
</#list>

■ 첨부서류
1. 위 입증방법 각 1통
2. 법인등기사항증명서 (법인인 경우) 각 1통
3. 송달료납부서 1통
