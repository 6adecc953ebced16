<#ftl attributes={"account": "printed"}>
<#import "_common.ftl" as c>
${c.addressee()}, 안녕하세요.

${buildingName} ${units}호의 임대료 등이 ${kdate(oldestDue)}부터 ${daysOverdue}일째 미납 상태입니다.

미납 원금: ${won(balance)}
지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
합계: ${won(total)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})

지연손해금은 납부하실 때까지 매일 늘어납니다. 빠른 납부 부탁드립니다.

${company.name} (${landlordName} 위탁 관리, 계약번호 ${leaseCode})
문의: ${company.contact} ${company.phone}
