[${buildingName}] 임대료 미납 안내 (${kdate(oldestDue)} 납부분)
