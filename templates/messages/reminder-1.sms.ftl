<#ftl attributes={"title": "미납 안내", "account": "printed"}>
[${buildingName}] ${tenantName} 담당자님, ${kdate(oldestDue)} 납부분 ${won(balance)}이 아직 확인되지 않았습니다. 입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder}). 이미 납부하셨다면 양해 부탁드립니다. 문의: ${company.name} ${company.phone}
