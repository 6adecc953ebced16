[${buildingName}] 임대료 최종 납부 안내: 내용증명 발송 예정
