[${buildingName}] 납부 확인 안내
