package io.paybridge.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.paybridge.config.Json;
import io.paybridge.model.BatchRef;
import io.paybridge.model.Customer;
import io.paybridge.model.EventSource;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON reading of {@link PaymentCommand} and writing of {@link PaymentEvent} the way the bundle
 * does it, against a twin that uses the same ObjectMapper the way a hand-written program would at
 * its fastest: an {@link ObjectReader}/{@link ObjectWriter} bound once, bytes in and out.
 *
 * <ul>
 * <li>{@code intakeCommand}: what {@code CommandReader} does (tree first, so the JSON Schema can
 * see the message, then the tree to the record; the schema check itself is not timed here);
 * <li>{@code ledgerCommand}: what {@code PaymentRows} does (the stored JSON text to the record);
 * <li>{@code eventToJson} / {@code commandToJson}: what {@code PaymentEvents} and the ledger do
 * ({@code writeValueAsString}).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonBench {
    final ObjectMapper json = Json.newMapper();
    ObjectReader commandReader;
    ObjectWriter commandWriter;
    ObjectWriter eventWriter;

    PaymentCommand command;
    byte[] commandBytes;
    String commandText;
    PaymentEvent event;

    @Setup
    public void setUp() throws IOException {
        commandReader = json.readerFor(PaymentCommand.class);
        commandWriter = json.writerFor(PaymentCommand.class);
        eventWriter = json.writerFor(PaymentEvent.class);
        command = new PaymentCommand("0b6f1d6e-4c1a-4f0e-9a57-2f1f3c0d9a11", PaymentType.PAYOUT, "bluepay",
                new BigDecimal("1500.00"), "KES", "KE",
                new Customer("+254712345678", "jane@example.com", "Jane Wanjiru", null, null, null, null),
                "Supplier payout INV-2024-0042", json.createObjectNode().put("erpDocument", "INV-2024-0042").put("costCentre", "NBO-01"),
                new BatchRef("payouts-2024-06-01.csv", 42));
        commandBytes = json.writeValueAsBytes(command);
        commandText = new String(commandBytes, StandardCharsets.UTF_8);
        event = new PaymentEvent("5d0c2f8e-7b0a-4a36-8c5e-1e8f0f8d2b6c", command.id(), command.type(), "bluepay",
                "7d9f3c1e-8a4b-4b7e-9c1d-2f6a5e4b3c21", PaymentStatus.FAILED, PaymentStatus.PENDING, "1500.00", "KES", "25.00",
                new Reason("INSUFFICIENT_FLOAT", "BluePay: insufficient B2C wallet balance", "INSUFFICIENT_B2C_BALANCE"),
                "FAILED", null, EventSource.CALLBACK, Instant.parse("2026-11-23T14:48:16.123Z"), command.metadata(), command.batch());
        if (!intakeCommand().equals(command) || !ledgerCommand().equals(command) || !twinReadCommand().equals(command)) {
            throw new IllegalStateException("a reader did not give back the command it was given");
        }
    }

    @Benchmark
    public PaymentCommand intakeCommand() throws IOException {
        return json.treeToValue(json.readTree(commandBytes), PaymentCommand.class);
    }

    @Benchmark
    public PaymentCommand ledgerCommand() throws JsonProcessingException {
        return json.readValue(commandText, PaymentCommand.class);
    }

    @Benchmark
    public PaymentCommand twinReadCommand() throws IOException {
        return commandReader.readValue(commandBytes);
    }

    @Benchmark
    public String commandToJson() throws JsonProcessingException {
        return json.writeValueAsString(command);
    }

    @Benchmark
    public byte[] twinWriteCommand() throws JsonProcessingException {
        return commandWriter.writeValueAsBytes(command);
    }

    @Benchmark
    public String eventToJson() throws JsonProcessingException {
        return json.writeValueAsString(event);
    }

    @Benchmark
    public byte[] twinWriteEvent() throws JsonProcessingException {
        return eventWriter.writeValueAsBytes(event);
    }
}
