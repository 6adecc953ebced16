<#ftl attributes={"title": "분할납부 입금 확인"}>
[${buildingName}] 분할납부 ${instalmentNo}회차 입금이 확인되었습니다. 감사합니다.
