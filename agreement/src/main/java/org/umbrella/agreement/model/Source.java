package org.umbrella.agreement.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A document the agreement's clauses cite: a text, a briefing, a press report.
 *
 * @param id the key under {@code sources:}
 * @param title the document's title
 * @param date its date, if known
 * @param url where to read it
 * @param publisher who published it, if given
 * @param note a remark on its reliability or status, if given
 */
public record Source(
    String id,
    String title,
    Optional<LocalDate> date,
    Optional<String> url,
    Optional<String> publisher,
    Optional<String> note) {}
