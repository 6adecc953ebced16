[월간 임대관리 보고서] ${monthLabel} ${landlordName}
