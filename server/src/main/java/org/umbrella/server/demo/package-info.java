/**
 * The demo of {@code umbrella serve}: demo accounts with generated passwords and a stream replayed
 * from a fixture the project owns through the real workflow and engine.
 */
package org.umbrella.server.demo;
