package org.hprofdiff.testdata.scenarios.incident.http;

/** Where a pooled connection goes: one pool per route in each connection manager. */
public record HttpRoute(String host, int port) {
}
