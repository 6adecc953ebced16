<#ftl attributes={"title": "분할납부 회차 안내", "account": "printed"}>
[${buildingName}] 분할납부 ${instalmentNo}회차 ${kdate(dueDate)} ${won(amount)} 납부일 안내입니다. ${bankName} ${bankAccount} (예금주 ${accountHolder}). 감사합니다.
