<#import "_common.ftl" as c>
${c.addressee()}, 안녕하세요.

${buildingName} ${units}호의 미납 임대료 등이 모두 입금된 것을 확인했습니다(${kdate(businessDate)} 기준).
협조해 주셔서 감사합니다.

${company.name} (${landlordName} 위탁 관리, 계약번호 ${leaseCode})
문의: ${company.contact} ${company.phone}
