[${buildingName}] ${tenantName} 분할납부 약정 파기 안내
