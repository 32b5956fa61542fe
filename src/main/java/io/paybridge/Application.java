package io.paybridge;

import io.paybridge.config.PaybridgeConfiguration;
import org.apache.camel.main.Main;

/** Starts paybridge: Camel Main, the YAML routes in {@code routes/}, and {@link PaybridgeConfiguration}. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(PaybridgeConfiguration.class);
        main.run(args);
    }
}
