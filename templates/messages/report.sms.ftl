<#ftl attributes={"title": "월간 임대관리 보고서"}>
[월간 임대관리 보고서] ${landlordName}님, ${monthLabel} 임대관리 보고서가 준비되었습니다. 보기: ${link}
