package kr.fm.arrears.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.fm.arrears.shared.Viewer;

/**
 * Documents another module keeps for a landlord that belong in the landlord's history besides the
 * reminders and notices — the monthly owner reports: the history lists them and puts them in its ZIP
 * with their SHA-256. The module that keeps them implements this (the history cannot know it: that
 * module reads the history's figures, and a dependency back would be a cycle).
 */
public interface KeptDocuments {

    /**
     * One kept document: {@code at} when it was made, {@code title} as people read it ("월간 임대관리 보고서
     * 2026년 4월"), {@code fileName} its name in the ZIP, {@code link} the page that shows it and
     * {@code download} where its PDF is.
     */
    record Document(String kind, long id, long landlordId, Instant at, String title, String fileName, String sha256, String link,
            String download) {}

    /**
     * The viewer's documents (a LANDLORD: their own; staff: all, or one landlord's) made on a Seoul date
     * from {@code from} to {@code to} (either null: open), newest first.
     */
    List<Document> documents(Viewer viewer, Long landlordId, LocalDate from, LocalDate to);

    /** The document's bytes, as kept; empty when it is not one of this source's. */
    Optional<byte[]> content(Document document);
}
