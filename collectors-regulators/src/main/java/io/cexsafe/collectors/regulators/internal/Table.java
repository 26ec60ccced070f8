package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a delimited register file (CSV or TSV) record by record with Apache Commons CSV: strips a
 * UTF-8 byte-order mark, refuses HTML pages served in its place, finds the header row by its
 * required columns (skipping any title lines above it) and hands out rows addressed by column name.
 * Quoted fields may span lines. Nothing is kept in memory beyond the current record.
 */
public final class Table {
  private static final int PEEK = 4096;
  private static final int MAX_PREAMBLE_RECORDS = 20;

  private Table() {}

  /** One data record. */
  public static final class Row {
    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final int width;

    Row(CSVRecord record, Map<String, Integer> columns, int width) {
      this.record = record;
      this.columns = columns;
      this.width = width;
    }

    /** The number of cells in the header row. */
    public int width() {
      return width;
    }

    /** The index of a column in the header, or -1. */
    public int index(String column) {
      return columns.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
    }

    /** The trimmed value of a column, or "" when the row is too short or the column unknown. */
    public String get(String column) {
      Integer index = columns.get(column.toLowerCase(Locale.ROOT));
      if (index == null || index >= record.size()) {
        return "";
      }
      return record.get(index).trim();
    }

    /** The raw values. */
    public List<String> values() {
      return record.toList();
    }

    public int size() {
      return record.size();
    }

    /** The 1-based record number in the file, header included. */
    public long number() {
      return record.getRecordNumber();
    }
  }

  /** What {@link #read} saw besides the rows. */
  public record Shape(List<String> header, long records) {}

  /** A reader over a UTF-8 stream with any byte-order mark removed. */
  public static Reader utf8WithoutBom(InputStream in) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    reader.mark(1);
    int first = reader.read();
    if (first != '\uFEFF' && first != -1) {
      reader.reset();
    }
    return reader;
  }

  /**
   * Reads every record after the header.
   *
   * @param in the body
   * @param delimiter ',' or '\t'
   * @param source the URL, for messages
   * @param required columns that identify the header row (case-insensitive)
   * @param rows receives each data row
   * @throws SourceException MALFORMED_RESPONSE (or BLOCKED) when the body is empty, HTML, or has no
   *     header with the required columns
   */
  public static Shape read(
      InputStream in, char delimiter, String source, List<String> required, Consumer<Row> rows)
      throws IOException, SourceException {
    BufferedReader reader = (BufferedReader) utf8WithoutBom(in);
    reader.mark(PEEK);
    char[] start = new char[PEEK];
    int n = reader.read(start, 0, PEEK);
    if (n <= 0) {
      throw Payloads.malformed(source, "empty body where a delimited file was expected");
    }
    String head = new String(start, 0, n);
    if (Payloads.looksLikeHtml(head)) {
      throw Payloads.htmlInsteadOf("a delimited file", head, source);
    }
    reader.reset();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuote(delimiter == '\t' ? null : '"')
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      Map<String, Integer> columns = null;
      List<String> header = null;
      long records = 0;
      int preamble = 0;
      while (it.hasNext()) {
        CSVRecord record = it.next();
        if (columns == null) {
          Map<String, Integer> candidate = index(record);
          if (candidate.keySet().containsAll(lower(required))) {
            columns = candidate;
            header = record.toList();
            continue;
          }
          if (++preamble > MAX_PREAMBLE_RECORDS) {
            break;
          }
          continue;
        }
        records++;
        rows.accept(new Row(record, columns, header.size()));
      }
      if (columns == null) {
        throw Payloads.malformed(source, "no header row with the columns " + required);
      }
      return new Shape(List.copyOf(header), records);
    } catch (CSVException e) {
      throw Payloads.malformed(source, "unparseable delimited data: " + e.getMessage());
    } catch (UncheckedIOException e) {
      // the record iterator wraps parse errors and broken connections alike
      if (e.getCause() instanceof CSVException) {
        throw Payloads.malformed(
            source, "unparseable delimited data: " + e.getCause().getMessage());
      }
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw Payloads.malformed(source, "unparseable delimited data: " + e.getMessage());
    }
  }

  private static Map<String, Integer> index(CSVRecord record) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        columns.putIfAbsent(name, i);
      }
    }
    return columns;
  }

  private static List<String> lower(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      out.add(name.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
