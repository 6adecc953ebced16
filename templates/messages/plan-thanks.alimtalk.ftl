<#ftl attributes={"code": "ARR_PLAN_THANKS"}>
[분할납부 입금 확인]
${tenantName} 담당자님, ${buildingName} ${units}호 분할납부 약정의 ${instalmentNo}회차(전 ${instalments}회) 입금을 확인했습니다(${kdate(businessDate)} 기준).
남은 약정 금액: ${won(remaining)}
약정을 지켜 주셔서 감사합니다.
