package kr.fm.arrears.messaging.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Solapi as a {@link TextProvider}: a batch becomes one message group (create, add up to 10,000,
 * send). Solapi has no idempotency key, so exactly once rests on the group: its id is stored in the
 * outbox before any message is added, each message carries our key in its custom fields, and a
 * message that already has a group (the last attempt timed out, failed with a 5xx, or its process
 * died) is first looked for in that group — found, it is not added again (and the group is sent if it
 * never was); missing, it goes into a new group.
 */
public final class SolapiProvider implements TextProvider {

    /** More than one request may carry, per the API reference. */
    static final int MAX_PER_ADD = 10_000;

    private final SolapiClient client;
    private final String pfId;
    private final Function<String, String> templateIds;

    /** {@code templateIds}: our registered template code (ARR_REMIND_1) → Solapi's template id. */
    public SolapiProvider(SolapiClient client, String pfId, Function<String, String> templateIds) {
        this.client = client;
        this.pfId = pfId;
        this.templateIds = templateIds;
    }

    @Override
    public List<SendResult> send(List<Text> batch, Groups groups) {
        SendResult[] results = new SendResult[batch.size()];
        List<Integer> fresh = new ArrayList<>();
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String group = batch.get(i).group();
            if (group == null) {
                fresh.add(i);
            } else {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        byGroup.forEach((group, members) -> fresh.addAll(reconcile(group, members, batch, results)));
        for (int from = 0; from < fresh.size(); from += MAX_PER_ADD) {
            sendNew(fresh.subList(from, Math.min(fresh.size(), from + MAX_PER_ADD)), batch, groups, results);
        }
        return List.of(results);
    }

    /** Looks for the members in their group; returns those it does not hold (they need a new group). */
    private List<Integer> reconcile(String group, List<Integer> members, List<Text> batch, SendResult[] results) {
        try {
            Map<String, SolapiClient.Held> held = new HashMap<>();
            client.messages(group).forEach(h -> held.put(h.key(), h));
            List<Integer> missing = new ArrayList<>();
            boolean anyHeld = false;
            for (int i : members) {
                SolapiClient.Held h = held.get(batch.get(i).requestId());
                if (h == null) {
                    missing.add(i);
                } else {
                    anyHeld = true;
                    results[i] = outcome(h.messageId(), h.statusCode(), h.reason());
                }
            }
            if (anyHeld && "PENDING".equals(client.status(group))) {
                client.send(group); // added, but the send never went out (or its answer was lost)
            }
            return missing;
        } catch (SolapiClient.Unavailable e) {
            members.forEach(i -> results[i] = new SendResult.Retryable(e.getMessage(), e.retryAfter));
        } catch (SolapiClient.Refused e) {
            members.forEach(i -> results[i] = new SendResult.Retryable("reconciling group " + group + ": " + e.getMessage(),
                    Optional.empty()));
        }
        return List.of();
    }

    private void sendNew(List<Integer> members, List<Text> batch, Groups groups, SendResult[] results) {
        if (members.isEmpty()) {
            return;
        }
        String group;
        try {
            group = client.createGroup();
        } catch (SolapiClient.Unavailable e) {
            members.forEach(i -> results[i] = new SendResult.Retryable(e.getMessage(), e.retryAfter));
            return;
        } catch (SolapiClient.Refused e) {
            members.forEach(i -> results[i] = new SendResult.Retryable("creating a group: " + e.getMessage(), Optional.empty()));
            return;
        }
        // from here on a lost answer or a crash is resolved by asking this group
        groups.assign(members.stream().map(i -> batch.get(i).requestId()).toList(), group);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i : members) {
            Text t = batch.get(i);
            bodies.add(SolapiClient.message(t, pfId, t.templateCode() == null ? null : templateIds.apply(t.templateCode())));
        }
        try {
            List<SolapiClient.Added> added = client.add(group, bodies);
            boolean any = false;
            for (int k = 0; k < members.size(); k++) {
                SolapiClient.Added a = added.get(k);
                any |= a.accepted();
                results[members.get(k)] = a.accepted() ? new SendResult.Accepted(a.messageId())
                        : new SendResult.Rejected(a.statusCode() + " " + a.statusMessage());
            }
            if (any) {
                client.send(group);
            }
        } catch (SolapiClient.Unavailable e) {
            members.forEach(i -> results[i] = new SendResult.Retryable(e.getMessage(), e.retryAfter));
        } catch (SolapiClient.Refused e) {
            members.forEach(i -> results[i] = new SendResult.Rejected(e.getMessage()));
        }
    }

    @Override
    public List<Report> reports(String group) {
        return client.messages(group).stream().filter(h -> h.key() != null)
                .map(h -> new Report(h.key(), h.messageId(), status(h.statusCode()),
                        h.statusCode() + (h.reason() == null || h.reason().isBlank() ? "" : " " + h.reason()))).toList();
    }

    /** A message the provider holds: 4000 delivered, 3xxx failed (3104 not a KakaoTalk user, …), else pending. */
    static Status status(String code) {
        if ("4000".equals(code)) {
            return Status.DELIVERED;
        }
        return code != null && (code.startsWith("3") || code.startsWith("1")) ? Status.FAILED : Status.PENDING;
    }

    private static SendResult outcome(String messageId, String code, String reason) {
        return status(code) == Status.FAILED ? new SendResult.Rejected(code + " " + (reason == null ? "" : reason))
                : new SendResult.Accepted(messageId);
    }
}
