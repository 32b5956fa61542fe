package io.paybridge.sandbox.bluepay;

import io.paybridge.sandbox.SimulatorFaults;

/** Run-time fault switches for the BluePay simulator: the common ones, nothing peculiar to BluePay. */
public final class BluePayFaults extends SimulatorFaults {
}
