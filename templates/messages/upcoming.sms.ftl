<#ftl attributes={"title": "납부 예정 안내"}>
[${buildingName}] ${kdate(dueDate)} 납부 예정 금액은 ${won(amount)}입니다. 감사합니다.
