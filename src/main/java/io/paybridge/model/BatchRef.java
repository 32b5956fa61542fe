package io.paybridge.model;

/** Where a command came from when it was a row of a CSV batch file. */
public record BatchRef(String fileId, long line) {
}
