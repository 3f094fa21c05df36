/**
 * The demo of {@code umbrella serve}: demo accounts with generated passwords and a stream replayed
 * from a fixture the project owns through the real workflow and engine.
 */
@NullMarked
package org.umbrella.server.demo;

import org.jspecify.annotations.NullMarked;
