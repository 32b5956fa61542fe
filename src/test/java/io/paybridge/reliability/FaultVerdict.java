package io.paybridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.PaymentStatus;
import io.paybridge.reliability.FaultPayments.Planned;
import io.paybridge.reliability.FaultSimulators.Money;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The invariants of a fault run, judged from three independent witnesses: the ledger (payments and
 * the outbox, its event history), the events topic, and the simulators. A payment is
 * <ul>
 *   <li><b>duplicated</b> when a provider holds more than one payment for its id that moved money or may
 *       still move it (a failed BluePay payout whose reference was used again is listed apart, as
 *       attempted again);</li>
 *   <li><b>lost</b> when the ledger does not hold it, holds it short of a final word (terminal or
 *       NEEDS_REVIEW), or its final word never reached the events topic;</li>
 *   <li><b>backward</b> when its history (ledger or topic) has a step the forward-only order forbids;</li>
 *   <li><b>wrong</b> when the ledger says SUCCEEDED and no money moved, or FAILED/CANCELLED and money
 *       moved or may still move. NEEDS_REVIEW is never wrong: it is the honest "cannot tell".</li>
 * </ul>
 */
final class FaultVerdict {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> finalStatus = new HashMap<>();
    final Map<String, List<String>> ledgerHistory = new HashMap<>();
    final Map<String, List<String>> publishedHistory = new HashMap<>();
    final List<String> duplicated = new ArrayList<>();
    /** Sent again after the provider failed the first attempt (its failure lost in a crash): one payment, two attempts. */
    final List<String> attemptedAgain = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final List<String> backward = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();
    final List<String> review = new ArrayList<>();
    final List<String> unpublished = new ArrayList<>();
    final List<String> eventIdClashes = new ArrayList<>();
    int publishedRecords;
    int publishedUnique;

    /** Reads the ledger's final statuses and event history. */
    static Map<String, String> statuses(String jdbcUrl, String user, String password) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, status FROM payments")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static FaultVerdict judge(List<Planned> plan, String jdbcUrl, String user, String password,
                              List<ConsumerRecord<String, byte[]>> published, FaultSimulators sims) throws Exception {
        FaultVerdict v = new FaultVerdict();
        v.finalStatus.putAll(statuses(jdbcUrl, user, password));
        Map<String, String> outboxEvent = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payment_id, event_id, payload FROM outbox ORDER BY seq")) {
            while (rs.next()) {
                String status = JSON.readTree(rs.getString(3)).path("status").asText();
                v.ledgerHistory.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(status);
                outboxEvent.put(rs.getString(2), rs.getString(1) + "/" + status);
            }
        }
        // Consumers dedupe on ce_id: one id must always carry the same state change.
        Map<String, String> byEventId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : published) {
            JsonNode body = JSON.readTree(r.value());
            String change = r.key() + "/" + body.path("status").asText();
            String id = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            String before = byEventId.putIfAbsent(id, change);
            if (before != null && !before.equals(change)) {
                v.eventIdClashes.add(id + ": " + before + " vs " + change);
            }
            if (before == null) {
                v.publishedHistory.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(body.path("status").asText());
            }
        }
        v.publishedRecords = published.size();
        v.publishedUnique = byEventId.size();
        outboxEvent.forEach((eventId, change) -> {
            if (!change.equals(byEventId.get(eventId))) {
                v.unpublished.add(eventId + " " + change);
            }
        });
        for (Planned p : plan) {
            v.check(p, sims);
        }
        return v;
    }

    private void check(Planned p, FaultSimulators sims) {
        int created = sims.created(p.provider(), p.id());
        int live = sims.live(p.provider(), p.id());
        if (live > 1) {
            duplicated.add(p.id() + " x" + live);
        } else if (created > 1) {
            attemptedAgain.add(p.id() + " x" + created);
        }
        String status = finalStatus.get(p.id());
        List<String> published = publishedHistory.getOrDefault(p.id(), List.of());
        if (status == null || !(PaymentStatus.valueOf(status).isTerminal() || "NEEDS_REVIEW".equals(status))
                || published.isEmpty() || !published.get(published.size() - 1).equals(status)) {
            lost.add(p.id() + " ledger=" + status + " published=" + published + " provider="
                    + sims.money(p.provider(), p.id(), p.failing()) + " created=" + sims.created(p.provider(), p.id()));
            return;
        }
        if (!forward(ledgerHistory.getOrDefault(p.id(), List.of())) || !forward(published)) {
            backward.add(p.id() + " ledger=" + ledgerHistory.get(p.id()) + " published=" + published);
        }
        Money money = sims.money(p.provider(), p.id(), p.failing());
        boolean ok = switch (status) {
            case "SUCCEEDED" -> money == Money.MOVED;
            case "FAILED", "CANCELLED" -> money == Money.NOT_HELD || money == Money.NOT_MOVED;
            case "NEEDS_REVIEW" -> true;
            default -> false;
        };
        if (!ok) {
            wrong.add(p.id() + " ledger=" + status + " provider=" + money);
        }
        if ("NEEDS_REVIEW".equals(status)) {
            review.add(p.id() + " (" + p.provider() + " " + p.type() + ", provider " + money + ")");
        }
    }

    static String status(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).path("status").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every step of a history is one the forward-only order allows. */
    static boolean forward(List<String> history) {
        for (int i = 1; i < history.size(); i++) {
            if (!PaymentStatus.valueOf(history.get(i - 1)).canMoveTo(PaymentStatus.valueOf(history.get(i)))) {
                return false;
            }
        }
        return true;
    }

    Map<String, Long> byStatus(List<Planned> plan) {
        Map<String, Long> out = new TreeMap<>();
        plan.forEach(p -> out.merge(String.valueOf(finalStatus.get(p.id())), 1L, Long::sum));
        return out;
    }

    Map<String, Map<String, Long>> byProvider(List<Planned> plan) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        plan.forEach(p -> out.computeIfAbsent(p.provider(), k -> new TreeMap<>())
                .merge(String.valueOf(finalStatus.get(p.id())), 1L, Long::sum));
        return out;
    }

    /** Payments whose final status is not the one their customer's number calls for (no faults left to excuse it). */
    List<String> notAsExpected(List<Planned> plan) {
        return plan.stream().filter(p -> !(p.failing() ? "FAILED" : "SUCCEEDED").equals(finalStatus.get(p.id())))
                .map(p -> p.id() + " " + finalStatus.get(p.id())).toList();
    }

    /** Prints the figures in a block a reader (and docs/reliability.md) can find: {@code ==== FAULT FIGURES}. */
    void print(String title, long seed, List<Planned> plan, int providerCalls, Map<String, Object> extra) {
        StringBuilder b = new StringBuilder("\n==== FAULT FIGURES: ").append(title).append(" ====\n");
        b.append("seed                ").append(seed).append('\n');
        b.append("payments sent       ").append(plan.size()).append('\n');
        b.append("provider API calls  ").append(providerCalls).append('\n');
        b.append("duplicates          ").append(duplicated.size()).append(' ').append(duplicated).append('\n');
        b.append("attempted again     ").append(attemptedAgain.size()).append(' ').append(attemptedAgain)
                .append(" (first attempt failed at the provider)\n");
        b.append("lost                ").append(lost.size()).append(' ').append(lost).append('\n');
        b.append("backward            ").append(backward.size()).append(' ').append(backward).append('\n');
        b.append("wrong final state   ").append(wrong.size()).append(' ').append(wrong).append('\n');
        b.append("final states        ").append(byStatus(plan)).append('\n');
        b.append("by provider         ").append(byProvider(plan)).append('\n');
        b.append("needs review        ").append(review).append('\n');
        b.append("events published    ").append(publishedRecords).append(" records, ").append(publishedUnique)
                .append(" distinct ids, ").append(unpublished.size()).append(" ledger events not published, ")
                .append(eventIdClashes.size()).append(" id clashes\n");
        extra.forEach((k, val) -> b.append(String.format("%-20s", k)).append(val).append('\n'));
        b.append("==== END FAULT FIGURES ====\n");
        System.out.println(b);
    }

    void assertInvariants() {
        assertThat(duplicated).as("payments held twice by a provider").isEmpty();
        assertThat(lost).as("payments lost (no final word in the ledger or on the topic)").isEmpty();
        assertThat(backward).as("backward transitions").isEmpty();
        assertThat(wrong).as("final states contradicting the provider").isEmpty();
        assertThat(unpublished).as("ledger events never published").isEmpty();
        assertThat(eventIdClashes).as("one event id carrying two state changes").isEmpty();
    }
}
