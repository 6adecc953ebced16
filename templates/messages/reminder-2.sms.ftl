<#ftl attributes={"title": "미납 재안내", "account": "printed"}>
[${buildingName}] ${tenantName} 담당자님, 임대료 등이 ${daysOverdue}일째 미납입니다.
미납 원금: ${won(balance)}
지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
빠른 납부 부탁드립니다.
문의: ${company.name} ${company.phone}
