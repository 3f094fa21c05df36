/**
 * The server's database edge: connection pool, Flyway migrations (V50 and up are the server's),
 * and the embedded PostgreSQL used by default. May use JDBI, Flyway, HikariCP, pgjdbc.
 */
package org.umbrella.server.db;
