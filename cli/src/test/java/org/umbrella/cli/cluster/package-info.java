/**
 * {@code umbrella serve --kafka} under failure injection: service instances as child processes on
 * one PostgreSQL and an in-process 3-broker KRaft cluster, SIGKILLed, paused and restarted while
 * reports are filed and reviewed over HTTP (tag {@code cluster}, run under {@code -Pcluster}).
 */
package org.umbrella.cli.cluster;
