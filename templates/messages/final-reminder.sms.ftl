<#ftl attributes={"title": "최종 납부 안내", "account": "printed"}>
[${buildingName}] ${tenantName} 담당자님, 임대료 등이 ${daysOverdue}일째 미납입니다.
미납 원금: ${won(balance)}
지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
계속 미납되면 임대인 명의로 내용증명(이행 최고서)이 발송됩니다.
문의: ${company.name} ${company.phone}
