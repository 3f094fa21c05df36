package org.umbrella.engine.output;

import java.util.List;
import java.util.Objects;

/**
 * Why an output exists: the rule that produced it (in words), the definition it applies, the input
 * records (ids) and the earlier outputs (ids) it rests on. Following {@code outputs} back, then
 * {@code inputs}, gives the chain from an obligation to the incidents ({@code umbrella why}). The
 * lists are copied, except a {@link DeferredIds} (an aggregate's contributors), which is kept as it
 * is and made when first read.
 */
public record Cause(String definition, String rule, List<String> inputs, List<String> outputs) {
  public Cause {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(rule, "rule");
    inputs = DeferredIds.keep(inputs);
    outputs = DeferredIds.keep(outputs);
  }
}
