<#ftl attributes={"code": "ARR_REMIND_1", "account": "printed"}>
<#import "_common.ftl" as c>
[미납 안내]
${tenantName} 담당자님, 안녕하세요.
${buildingName} ${units}호의 ${kdate(oldestDue)} 납부분이 아직 확인되지 않아 안내드립니다.

■ 미납 금액: ${won(balance)}
■ 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
■ 문의: ${c.contact()}

이미 납부하셨다면 양해 부탁드립니다. 감사합니다.
