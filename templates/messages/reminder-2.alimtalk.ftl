<#ftl attributes={"code": "ARR_REMIND_2", "account": "printed"}>
<#import "_common.ftl" as c>
[미납 재안내]
${tenantName} 담당자님, ${buildingName} ${units}호의 임대료 등이 ${daysOverdue}일째 미납 상태입니다.

■ 미납 원금: ${won(balance)}
■ 지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
■ 최초 미납일: ${kdate(oldestDue)}
■ 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
■ 문의: ${c.contact()}

지연손해금은 납부하실 때까지 매일 늘어납니다. 빠른 납부 부탁드립니다.
