<#ftl attributes={"code": "ARR_UPCOMING", "account": "printed"}>
[납부 예정 안내]
${tenantName} 담당자님, 안녕하세요.
${buildingName} ${units}호 임대료 등의 납부일이 다가와 안내드립니다.

■ 납부일: ${kdate(dueDate)}
■ 납부 금액: ${won(amount)}
■ 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})

이미 납부하셨다면 이 안내는 넘기셔도 됩니다. 감사합니다.
