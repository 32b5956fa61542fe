package io.paybridge.provider.kipay;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kipay customer ids by email, for the life of the process. Kipay itself is the record: a
 * customer not known here is looked up at Kipay ({@code customers/list?search=}) before one is
 * created, so a restart (or a second instance) reuses the customer Kipay already holds instead
 * of creating another. At most {@link #CAPACITY} customers are remembered, least recently used
 * forgotten first; a forgotten one costs one lookup call, never a duplicate.
 */
final class KipayCustomers {
    static final int CAPACITY = 10_000;

    private final Map<String, Long> byEmail = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<Long> known(String email) {
        return Optional.ofNullable(byEmail.get(key(email)));
    }

    synchronized void remember(String email, long customerId) {
        byEmail.put(key(email), customerId);
    }

    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
