<#-- Words every message shares, so each says them the same way. -->
<#-- One honorific: "㈜대성정밀 김대성 대표님", or "㈜대성정밀 담당자님" without a representative (never "대표님 귀하"). -->
<#function addressee><#return tenantName + representative?has_content?then(" " + representative + " 대표님", " 담당자님")></#function>
<#-- Whom to call, from arrears.company: "(주)한빛공장관리 박정민 과장(031-356-7700)". -->
<#function contact><#return company.name + company.contact?has_content?then(" " + company.contact, "") + company.phone?has_content?then("(" + company.phone + ")", "")></#function>
