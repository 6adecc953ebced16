<#ftl attributes={"code": "ARR_FINAL", "account": "printed"}>
<#import "_common.ftl" as c>
[최종 납부 안내]
${tenantName} 담당자님, ${buildingName} ${units}호의 임대료 등이 ${daysOverdue}일째 미납 상태입니다.

■ 미납 원금: ${won(balance)}
■ 지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
■ 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
■ 문의: ${c.contact()}

계속 미납되면 임대인 명의로 내용증명(이행 최고서)이 발송됩니다.
