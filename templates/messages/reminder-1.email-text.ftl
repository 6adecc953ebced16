<#ftl attributes={"account": "printed"}>
<#import "_common.ftl" as c>
${c.addressee()}, 안녕하세요.

${buildingName} ${units}호의 ${kdate(oldestDue)} 납부분이 ${kdate(businessDate)} 현재 확인되지 않아 안내드립니다.

미납 금액: ${won(balance)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})

이미 납부하셨다면 양해 부탁드립니다. 감사합니다.

${company.name} (${landlordName} 위탁 관리, 계약번호 ${leaseCode})
문의: ${company.contact} ${company.phone}
