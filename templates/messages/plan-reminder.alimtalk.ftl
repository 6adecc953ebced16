<#ftl attributes={"code": "ARR_PLAN_REMIND", "account": "printed"}>
<#import "_common.ftl" as c>
[분할납부 회차 안내]
${tenantName} 담당자님, 안녕하세요.
${buildingName} ${units}호 분할납부 약정의 ${instalmentNo}회차(전 ${instalments}회) 납부일이 다가와 안내드립니다.

■ 납부일: ${kdate(dueDate)}
■ 납부 금액: ${won(amount)}
■ 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})
■ 문의: ${c.contact()}

약정대로 납부해 주시면 독촉은 나가지 않습니다. 감사합니다.
