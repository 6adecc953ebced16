${landlordName} 귀하

${buildingName} ${units}호 ${tenantName}(계약번호 ${leaseCode})의 분할납부 약정이 지켜지지 않았습니다.

■ 미납 회차: ${instalmentNo}회차(전 ${instalments}회), 납부일 ${kdate(dueDate)}
■ 부족 금액: ${won(shortfall)}
■ 약정 잔액: ${won(remaining)}

유예 기간이 지나 ${kdate(businessDate)}부로 약정이 파기되었고, 연체 건은 약정 전 단계에서 다시 독촉 절차를 이어 갑니다.
자세한 내용은 임대인 포털의 해당 연체 건에서 보실 수 있습니다.

${company.name}
문의: ${company.contact} ${company.phone}
