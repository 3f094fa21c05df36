package org.umbrella.evidence.importers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Incident;

/**
 * Base of the CSV importers: reads the header, then one row at a time (RFC 4180 quoting, fields may
 * span lines), and turns each row into an incident or a rejection.
 */
abstract class CsvImporter implements Importer {
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  /**
   * Checks the header (throw {@link ImportFormatException} if unusable) and returns notes on
   * assumed defaults.
   */
  abstract List<String> prepare(Map<String, Integer> header);

  /** Maps one row; throws {@link RowException} with the reason when it cannot. */
  abstract Incident map(Row row);

  static void requireColumns(Map<String, Integer> header, String format, String... columns) {
    List<String> missing = new ArrayList<>();
    for (String c : columns) {
      if (!header.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportFormatException(
          format
              + " input lacks required column(s) "
              + String.join(", ", missing)
              + "; the header has "
              + String.join(", ", header.keySet()));
    }
  }

  @Override
  public ImportStream open(Reader input) {
    return new ImportStream() {
      private @Nullable MappingIterator<String[]> rows;
      private Map<String, Integer> header = Map.of();
      private int columnCount;
      private final List<String> notes = new ArrayList<>();
      private long row;
      private long nextLine = 2;

      // The rows after the header, read and checked on first use.
      private MappingIterator<String[]> rows() {
        MappingIterator<String[]> started = rows;
        return started != null ? started : start();
      }

      private MappingIterator<String[]> start() {
        try {
          MappingIterator<String[]> rows =
              CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(input);
          this.rows = rows;
          if (!rows.hasNextValue()) {
            throw new ImportFormatException(name() + " input is empty: expected a header row");
          }
          String[] names = rows.nextValue();
          header = new HashMap<>();
          columnCount = names.length;
          for (int i = 0; i < names.length; i++) {
            String n = names[i].trim();
            if (i == 0 && n.startsWith("\uFEFF")) {
              n = n.substring(1);
            }
            header.putIfAbsent(n, i);
          }
          nextLine = rows.getCurrentLocation().getLineNr();
          notes.addAll(prepare(header));
          return rows;
        } catch (JacksonException e) {
          throw new ImportFormatException(
              name() + " input: unreadable CSV header: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public List<String> notes() {
        return List.copyOf(notes);
      }

      @Override
      public boolean hasNext() {
        try {
          return rows().hasNextValue();
        } catch (JacksonException e) {
          throw new ImportFormatException(
              name() + " input, line " + nextLine + ": unreadable CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public RowOutcome next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long line = nextLine;
        String[] values;
        try {
          values = rows().nextValue();
        } catch (JacksonException e) {
          throw new ImportFormatException(
              name() + " input, line " + line + ": unreadable CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        nextLine = rows().getCurrentLocation().getLineNr();
        row++;
        if (values.length != columnCount) {
          return new RowOutcome.Rejected(
              row, line, "has " + values.length + " fields, the header has " + columnCount);
        }
        try {
          return new RowOutcome.Imported(row, line, map(new Row(header, values, row, line)));
        } catch (RowException e) {
          return new RowOutcome.Rejected(row, line, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
          return new RowOutcome.Rejected(row, line, String.valueOf(e.getMessage()));
        }
      }
    };
  }
}
