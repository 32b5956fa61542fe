package io.paybridge.config;

import io.paybridge.Application;

import org.apache.camel.impl.DefaultCamelContext;

/** Child-process helper: resolves properties the way the bundle does and prints {@code key=value} lines. */
public final class PrintProperties {
    private PrintProperties() {
    }

    public static void main(String[] keys) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(Application.propertyLocations(Application.configDir()));
            for (String key : keys) {
                System.out.println(key + "=" + context.getPropertiesComponent().resolveProperty(key).orElse("<unset>"));
            }
        }
    }
}
