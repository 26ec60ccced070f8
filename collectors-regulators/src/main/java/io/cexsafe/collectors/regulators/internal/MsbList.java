package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FinCEN's MSB registrant export (tab-separated, read by header name). The export has no
 * registration numbers, so registrants can only be found by legal or DBA name; the reader streams
 * the file and keeps only the registrants whose names are wanted, so memory does not grow with the
 * file.
 */
public final class MsbList {
  static final String LEGAL_NAME = "LEGAL NAME";
  static final String DBA_NAME = "DBA NAME";
  static final String STREET = "STREET ADDRESS";
  static final String CITY = "CITY";
  static final String STATE = "STATE";
  static final String ZIP = "ZIP";
  static final String ACTIVITIES = "MSB ACTIVITIES";
  static final String AUTH_SIGN_DATE = "AUTH SIGN DATE";
  static final String RECEIVED_DATE = "RECEIVED DATE";
  private static final Pattern DBA =
      Pattern.compile("\\s+DBA[-:\\s]\\s*|\\s*/DBA\\s+|\\s+D/B/A\\s+", Pattern.CASE_INSENSITIVE);

  private MsbList() {}

  /** One registrant. */
  public record Registrant(
      String legalName,
      String dbaName,
      String street,
      String city,
      String state,
      String zip,
      String activities,
      LocalDate authSignDate,
      LocalDate receivedDate) {
    public String address() {
      return String.join(", ", List.of(street, city, (state + " " + zip).trim()))
          .replaceAll("(, )+$", "");
    }
  }

  /**
   * The registrants found, by {@link Names#core} of the wanted names.
   *
   * @param rows data rows read, footnotes included
   * @param registrants rows that were registrants (footnotes and malformed rows excluded)
   */
  public record Result(Map<String, List<Registrant>> byName, long rows, long registrants) {}

  /**
   * Reads the export, keeping registrants whose legal or DBA name is one of {@code wanted} (as
   * {@link Names#core} forms).
   */
  public static Result read(InputStream in, String source, Set<String> wanted)
      throws IOException, SourceException {
    Map<String, List<Registrant>> found = new HashMap<>();
    long[] registrants = {0};
    Table.Shape shape =
        Table.read(
            in,
            '\t',
            source,
            List.of(LEGAL_NAME, STREET, RECEIVED_DATE),
            row -> {
              // the export ends with footnote rows that have no address or filing date
              if (row.get(STREET).isEmpty() || row.get(RECEIVED_DATE).isEmpty()) {
                return;
              }
              registrants[0]++;
              String legal = row.get(LEGAL_NAME);
              List<String> names = new ArrayList<>();
              String[] parts = DBA.split(legal, 2);
              names.add(parts[0]);
              if (parts.length > 1) {
                names.add(parts[1]);
              }
              if (!row.get(DBA_NAME).isEmpty()) {
                names.add(row.get(DBA_NAME));
              }
              Registrant registrant = null;
              for (String name : names) {
                String key = Names.core(name);
                if (!wanted.contains(key)) {
                  continue;
                }
                if (registrant == null) {
                  registrant =
                      new Registrant(
                          legal,
                          row.get(DBA_NAME),
                          row.get(STREET),
                          row.get(CITY),
                          row.get(STATE),
                          row.get(ZIP),
                          row.get(ACTIVITIES),
                          monthFirst(row.get(AUTH_SIGN_DATE)),
                          monthFirst(row.get(RECEIVED_DATE)));
                }
                List<Registrant> list = found.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(registrant)) {
                  list.add(registrant);
                }
              }
            });
    if (registrants[0] == 0) {
      throw Payloads.malformed(source, "the MSB export has a header but no registrants");
    }
    return new Result(found, shape.records(), registrants[0]);
  }

  private static LocalDate monthFirst(String text) {
    try {
      return Dates.monthFirst(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Activity codes with the two meanings known (409 money transmitter, 499 other). */
  public static List<String> activities(String codes) {
    List<String> out = new ArrayList<>();
    for (String code : codes.trim().split("[\\s,;]+")) {
      if (code.isEmpty()) {
        continue;
      }
      out.add(
          switch (code) {
            case "409" -> "money transmitter (MSB activity 409)";
            case "499" -> "other (MSB activity 499)";
            default -> "MSB activity " + code;
          });
    }
    return out;
  }
}
