package io.paybridge.config;

import java.time.Duration;
import org.apache.camel.CamelContext;

/** Typed access to resolved configuration properties, failing with the property's name when one is missing. */
public final class Settings {
    private final CamelContext context;

    public Settings(CamelContext context) {
        this.context = context;
    }

    /** A required value. */
    public String text(String key) {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("configuration property " + key + " is required");
        }
        return value;
    }

    /** A value, or null when unset. */
    public String optional(String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).orElse(null);
    }

    /** A required secret: the message names the property and its environment variable, never a value. */
    public String secret(String key, String environmentVariable, String purpose) {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required (environment " + environmentVariable + "): " + purpose);
        }
        return value;
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** Like {@link #flag} but false when unset. */
    public boolean enabled(String key) {
        return Boolean.parseBoolean(optional(key));
    }

    /** ISO-8601 ({@code PT2M}) or plain seconds. */
    public Duration duration(String key) {
        String value = text(key);
        return value.startsWith("P") ? Duration.parse(value) : Duration.ofSeconds(Long.parseLong(value));
    }
}
