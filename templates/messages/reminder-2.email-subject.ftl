[${buildingName}] 임대료 미납 재안내 (${daysOverdue}일 경과)
