package kr.fm.arrears.escalation.internal;

import java.util.List;
import kr.fm.arrears.escalation.Decisions;
import kr.fm.arrears.escalation.LeaseRef;
import lombok.RequiredArgsConstructor;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads the leases a page at a time by id (keyset: never all in memory, no OFFSET scans). Each page
 * is one item and one chunk, so the processor can load a page's ledger in bulk. The last id read is
 * saved with every chunk commit; a restarted run carries on after the last committed page.
 */
@RequiredArgsConstructor
class LeasePageReader implements ItemStreamReader<List<LeaseRef>> {

    static final String AFTER = "leases.after";

    private final Decisions decisions;
    private final int pageSize;
    private long after;

    @Override
    public void open(ExecutionContext context) {
        after = context.getLong(AFTER, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(AFTER, after);
    }

    @Override
    public List<LeaseRef> read() {
        List<LeaseRef> page = decisions.leases(after, pageSize);
        if (page.isEmpty()) {
            return null;
        }
        after = page.get(page.size() - 1).leaseId();
        return page;
    }
}
