package kr.fm.arrears.report;

/** A landlord's report settings (opt-out, the accountant's e-mail and phone) were set. */
public record ReportSettingsChanged(ReportSettings.Settings settings, String actor) {}
