/**
 * Live updates: the event bus, Server-Sent Events to open pages, and signed webhooks with retries
 * and a delivery log. May use JDBI (delivery log) and the JDK HTTP client.
 */
package org.umbrella.server.live;
