package kr.fm.arrears.messaging.internal;

import java.util.List;
import java.util.Map;

/**
 * A provider of AlimTalk and SMS/LMS, as the outbox sees it: a batch in, one result per message out,
 * in order. How the provider's wire format looks, and how it keeps a retry from texting twice, is the
 * adapter's business.
 */
public interface TextProvider {

    /**
     * One text. {@code requestId} is the outbox's key (exactly once rests on it); {@code type} ATA, SMS
     * or LMS; {@code templateCode} our registered AlimTalk code and {@code variables} its #{variables};
     * {@code group} the provider group an earlier attempt put it in, if any.
     */
    record Text(String requestId, String type, String to, String from, String templateCode,
            Map<String, String> variables, String subject, String text, String group) {}

    /**
     * Where an adapter without an idempotency key keeps, in the outbox, which provider group holds a
     * message, before the message is handed over: a retry or a restart then asks that group first.
     */
    interface Groups {
        void assign(List<String> requestIds, String group);
    }

    List<SendResult> send(List<Text> batch, Groups groups);

    /** A final (or pending) status the provider holds for a message it was given. */
    record Report(String requestId, String providerId, Status status, String reason) {}

    enum Status { PENDING, DELIVERED, FAILED }

    /** What the provider reports for the messages of a group; empty where it pushes receipts instead. */
    default List<Report> reports(String group) {
        return List.of();
    }
}
