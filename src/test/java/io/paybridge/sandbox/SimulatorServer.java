package io.paybridge.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side every provider simulator shares: a JDK server on loopback, bound first (so a
 * simulator can learn its own URL before building its handlers), then served by daemon threads.
 */
public final class SimulatorServer {
    static {
        // The JDK HttpServer writes a response's headers and body separately; without TCP_NODELAY
        // the body waits for the client's delayed ACK (~40 ms a call). Read once, before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final HttpServer server;
    private ExecutorService threads;

    private SimulatorServer(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    /** Binds 127.0.0.1 on {@code port} (0: any free port) without serving yet. */
    public static SimulatorServer bind(String name, int port) throws IOException {
        return new SimulatorServer(name, HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0));
    }

    /** Starts answering with {@code handler}; multi-threaded so injected latency on one call does not stall the others. */
    public void serve(HttpHandler handler) {
        server.createContext("/", handler);
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-sim-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public void stop() {
        server.stop(0);
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
