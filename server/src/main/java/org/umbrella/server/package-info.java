/**
 * The operations server: {@link org.umbrella.server.UmbrellaServer} wires access control, the
 * review and enforcement workflow, live updates and webhooks to the HTTP shell. May depend on
 * every Umbrella module below it; nothing but the command line depends on it.
 */
package org.umbrella.server;
