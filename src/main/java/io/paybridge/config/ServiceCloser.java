package io.paybridge.config;

import org.apache.camel.support.service.ServiceSupport;

/** Lets Camel close plain resources (pool, Kafka producer) when the context stops. */
final class ServiceCloser extends ServiceSupport {
    private final AutoCloseable resource;

    ServiceCloser(AutoCloseable resource) {
        this.resource = resource;
    }

    @Override
    protected void doStop() throws Exception {
        resource.close();
    }
}
