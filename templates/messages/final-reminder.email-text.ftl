<#ftl attributes={"account": "printed"}>
<#import "_common.ftl" as c>
${c.addressee()}, 안녕하세요.

${buildingName} ${units}호의 임대료 등이 ${kdate(oldestDue)}부터 ${daysOverdue}일째 미납 상태입니다.

미납 원금: ${won(balance)}
지연손해금(${kdate(businessDate)} 기준): ${won(lateInterest)}
합계: ${won(total)}
입금 계좌: ${bankName} ${bankAccount} (예금주 ${accountHolder})

계속 미납되면 임대인 명의로 내용증명(이행 최고서)이 발송되며, 이후 계약 해지와 법적 절차로 이어질 수 있습니다.
사정이 있으시면 ${c.contact()}에게 연락 주십시오.

${company.name} (${landlordName} 위탁 관리, 계약번호 ${leaseCode})
문의: ${company.contact} ${company.phone}
