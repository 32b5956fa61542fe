package io.paybridge;

import io.paybridge.config.PaybridgeConfiguration;
import org.apache.camel.main.Main;

/**
 * Starts paybridge: Camel Main, the YAML routes in {@code routes/}, and {@link PaybridgeConfiguration}.
 * Configuration is layered, later layers winning: the {@code application.properties} in the jar,
 * then an optional {@code application.properties} and {@code secrets/credentials.properties}
 * under {@code $PAYBRIDGE_CONFIG_DIR} (default {@code /etc/paybridge}: a mounted ConfigMap and
 * Secret), then environment variables.
 */
public final class Application {
    /** Where mounted configuration is looked for when {@code PAYBRIDGE_CONFIG_DIR} is not set. */
    public static final String DEFAULT_CONFIG_DIR = "/etc/paybridge";

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(propertyLocations(configDir()));
        main.configure().addConfiguration(PaybridgeConfiguration.class);
        main.run(args);
    }

    public static String configDir() {
        String dir = System.getenv("PAYBRIDGE_CONFIG_DIR");
        return dir == null || dir.isBlank() ? DEFAULT_CONFIG_DIR : dir;
    }

    /**
     * The property files, most specific first: Camel's properties component takes a key from
     * the first location that defines it. The mounted ones are optional.
     */
    public static String propertyLocations(String configDir) {
        return "file:" + configDir + "/secrets/credentials.properties;optional=true,"
                + "file:" + configDir + "/application.properties;optional=true,"
                + "classpath:application.properties";
    }
}
