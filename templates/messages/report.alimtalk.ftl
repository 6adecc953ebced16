<#ftl attributes={"code": "ARR_REPORT"}>
[월간 임대관리 보고서]
${landlordName}님, ${monthLabel} 임대관리 보고서가 준비되었습니다.

안내 발송, 내용증명, 입금과 미해결 연체를 건물별로 정리했습니다.
■ 보고서 보기: ${link}

감사합니다.
