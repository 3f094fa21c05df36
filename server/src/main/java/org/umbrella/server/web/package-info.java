/**
 * The web application: page handlers and their models; templates live in {@code src/main/jte} and
 * are compiled at build time into {@code org.umbrella.server.web.templates}. May use the HTTP shell
 * and the workflow.
 */
@NullMarked
package org.umbrella.server.web;

import org.jspecify.annotations.NullMarked;
