package io.paybridge.intake;

import io.paybridge.config.ExchangeKeys;
import java.util.Map;

/** One record read back from the DLQ topic: where it sits, its key and original bytes, and its headers as text. */
public record DlqRecord(String topic, int partition, long offset, String key, byte[] value, Map<String, String> headers) {

    public String header(String name) {
        return headers.get(name);
    }

    public String errorClass() {
        return headers.get(ExchangeKeys.DLQ_ERROR_CLASS);
    }

    /** Attempts recorded on the record (1 when it carries none: records written before the header existed). */
    public int attempts() {
        try {
            return Integer.parseInt(headers.getOrDefault(ExchangeKeys.DLQ_ATTEMPTS, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code topic/partition/offset}, as operators and the {@code paybridge_replay_of} header name it. */
    public String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }
}
