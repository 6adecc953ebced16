[${buildingName}] ${kdate(dueDate)} 납부 예정 안내
