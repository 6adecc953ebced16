package kr.fm.arrears.report;

import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.shared.Won;

/**
 * The report's two charts as bars: the overdue balance at each month end and the collection rate by
 * month, labelled with Korean months ("1월"). The PDF draws them as CSS boxes (Flying Saucer paints a
 * box as a filled vector rectangle; it has no SVG renderer), the portal as inline SVG from {@link #svg}.
 */
public final class Charts {

    /** One bar: its month label, its height as a share of the chart (0–1) and the value printed on it. */
    public record Bar(String label, double share, String value) {}

    /** A chart: its title and bars, oldest month first. */
    public record Chart(String title, List<Bar> bars) {}

    private Charts() {}

    public static Chart balance(List<MonthlyReport.MonthPoint> points) {
        long max = points.stream().mapToLong(MonthlyReport.MonthPoint::amount).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (MonthlyReport.MonthPoint p : points) {
            bars.add(new Bar(p.month().getMonthValue() + "월", max == 0 ? 0 : (double) p.amount() / max, manWon(p.amount())));
        }
        return new Chart("월말 연체 잔액", bars);
    }

    /** The rate's scale is 0–100%; a month that collected more than fell due (arrears paid) is drawn full. */
    public static Chart rate(List<MonthlyReport.RatePoint> points) {
        List<Bar> bars = new ArrayList<>();
        for (MonthlyReport.RatePoint p : points) {
            bars.add(new Bar(p.month().getMonthValue() + "월", p.percent() == null ? 0 : Math.min(100, p.percent()) / 100.0,
                    p.percent() == null ? "-" : p.percent() + "%"));
        }
        return new Chart("월별 수납률", bars);
    }

    /** An amount in 만원 for a bar's label: 13,520,000원 → "1,352만". */
    static String manWon(long won) {
        return won == 0 ? "0" : Won.format(Math.round(won / 10_000.0)).replace("원", "만");
    }

    /**
     * The chart as a self-contained SVG that scales to its container (viewBox, width 100%): bars as
     * rectangles, the months and values as text, readable on a phone's width.
     */
    public static String svg(Chart chart, String color) {
        int width = 360;
        int height = 200;
        int top = 28;
        int bottom = 24;
        int plot = height - top - bottom;
        double slot = (double) width / Math.max(1, chart.bars().size());
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(chart.title())).append("\">");
        s.append("<title>").append(escape(chart.title())).append("</title>");
        s.append("<line x1=\"0\" y1=\"").append(top + plot).append("\" x2=\"").append(width).append("\" y2=\"").append(top + plot)
                .append("\" stroke=\"#888\" stroke-width=\"1\"/>");
        for (int i = 0; i < chart.bars().size(); i++) {
            Bar b = chart.bars().get(i);
            double h = Math.max(b.share() * plot, b.share() > 0 ? 1 : 0);
            double x = i * slot + slot * 0.15;
            double cx = i * slot + slot / 2;
            s.append(String.format(java.util.Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x, top + plot - h, slot * 0.7, h, color));
            s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                    cx, top + plot - h - 3, escape(b.value())));
            s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#000\">%s</text>",
                    cx, height - 8, escape(b.label())));
        }
        return s.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
