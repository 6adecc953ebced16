// The building filter applies as soon as a building is chosen; the 보기 button does it without scripts.
// A file of its own, not an onchange attribute: the Content-Security-Policy allows no inline script.
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
