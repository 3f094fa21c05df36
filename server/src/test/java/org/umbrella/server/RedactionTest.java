package org.umbrella.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL error that quotes user data (a NUL in a text value, a row failing a check) is
 * logged by {@link Redaction} as its classes, SQLState and stack, never its message; other
 * exceptions pass unchanged.
 */
class RedactionTest {

  @Test
  void aDatabaseErrorQuotingUserData_isLoggedWithoutIt() {
    Throwable nul =
        catchThrowable(
            () ->
                TestDb.jdbi()
                    .useHandle(
                        h ->
                            h.createQuery("select cast(:v as text)")
                                .bind("v", "secret-marker-\u0000-x")
                                .mapTo(String.class)
                                .one()));
    Throwable check =
        catchThrowable(
            () ->
                TestDb.jdbi()
                    .useHandle(
                        h ->
                            h.createUpdate(
                                    "insert into account (username, display_name, role, password_hash, created_at) values (:u, 'x', 'monitor', 'h', now())")
                                .bind("u", "Secret-Marker Bad Name")
                                .execute()));
    for (Throwable e : new Throwable[] {nul, check}) {
      assertThat(e).isNotNull();
      assertThat(stack(e)).as("the raw exception does quote the data").contains("arker");
      assertThat(Redaction.fromDatabase(e)).isTrue();
      String logged = stack(Redaction.loggable(e)) + Redaction.describe(e);
      assertThat(logged)
          .doesNotContainIgnoringCase("marker")
          .contains("SQLState")
          .contains("message withheld");
      assertThat(Redaction.loggable(e).getStackTrace()).isEqualTo(e.getStackTrace());
    }
    IllegalStateException bug = new IllegalStateException("a bug, no user data");
    assertThat(Redaction.loggable(bug)).isSameAs(bug);
    assertThat(Redaction.describe(bug)).isEqualTo(bug.toString());
  }

  static String stack(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
