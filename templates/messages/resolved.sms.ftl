<#ftl attributes={"title": "납부 확인"}>
[${buildingName}] 미납 임대료 입금이 확인되었습니다. 감사합니다.
