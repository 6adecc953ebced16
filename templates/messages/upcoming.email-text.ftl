<#ftl attributes={"account": "printed"}>
<#import "_common.ftl" as c>
${c.addressee()}, 안녕하세요.

${buildingName} ${units}호의 임대료 등 납부일이 다가와 안내드립니다.

납부일: ${kdate(dueDate)}
납부 금액: ${won(amount)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})

이미 납부하셨다면 이 메일은 넘기셔도 됩니다. 감사합니다.

${company.name} (${landlordName} 위탁 관리, 계약번호 ${leaseCode})
문의: ${company.contact} ${company.phone}
