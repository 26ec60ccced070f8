package io.cexsafe.collectors.regulators.internal;

import io.cexsafe.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ESMA's interim MiCA register files, {@code CASPS.csv} (authorised crypto-asset service
 * providers) and {@code NCASP.csv} (non-compliant entities), with every defect seen in the real
 * files handled: byte-order mark, quoted fields with newlines, the nameless 16th column, column
 * bleed from unquoted commas in addresses, service lists in half a dozen separators, {@code
 * EL}/{@code SL} country codes, day-first dates with dots or a trailing dot, blank dates, dirty
 * LEIs, whole-row duplicates and truncated downloads.
 */
public final class EsmaRegister {
  static final String AUTHORITY = "ae_competentAuthority";
  static final String HOME = "ae_homeMemberState";
  static final String LEI_NAME = "ae_lei_name";
  static final String LEI = "ae_lei";
  static final String LEI_COUNTRY = "ae_lei_cou_code";
  static final String COMMERCIAL = "ae_commercial_name";
  static final String ADDRESS = "ae_address";
  static final String WEBSITE = "ae_website";
  static final String AUTHORISED = "ac_authorisationNotificationDate";
  static final String ENDED = "ac_authorisationEndDate";
  static final String SERVICES = "ac_serviceCode";
  static final String HOSTS = "ac_serviceCode_cou";
  static final String COMMENTS = "ac_comments";
  static final String LAST_UPDATE = "ac_lastupdate";
  static final String REASON = "ae_reason";
  static final String DECISION = "ae_decision_date";
  static final String NCASP_COMMENTS = "ae_comments";
  static final String NCASP_LAST_UPDATE = "ae_lastupdate";

  /** MiCA Art. 3(1)(16) services, by letter. */
  public static final List<String> SERVICE_NAMES =
      List.of(
          "custody and administration of crypto-assets on behalf of clients",
          "operation of a trading platform for crypto-assets",
          "exchange of crypto-assets for funds",
          "exchange of crypto-assets for other crypto-assets",
          "execution of orders for crypto-assets on behalf of clients",
          "placing of crypto-assets",
          "reception and transmission of orders for crypto-assets on behalf of clients",
          "providing advice on crypto-assets",
          "providing portfolio management on crypto-assets",
          "providing transfer services for crypto-assets on behalf of clients");

  private static final List<String[]> SERVICE_KEYWORDS =
      List.of(
          new String[] {"custody"},
          new String[] {"trading platform"},
          new String[] {"for funds"},
          new String[] {"for other"},
          new String[] {"execution of orders"},
          new String[] {"placing"},
          new String[] {"reception and transmission"},
          new String[] {"advice"},
          new String[] {"portfolio management"},
          new String[] {"transfer service"});
  // a letter a-j followed by '.' or ')' at the start or after a separator: "a.\tproviding", "|b. "
  private static final Pattern SERVICE_LETTER =
      Pattern.compile("(?:^|[|/,;\\n\\t]|\\s)\\s*([a-j])\\s*[.)]\\s*(?=\\p{L})");
  private static final Pattern LEI_PATTERN = Pattern.compile("[A-Z0-9]{20}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s|,;\"]+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");
  private static final Pattern LEI_NOISE = Pattern.compile("[\\s.]");
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  private EsmaRegister() {}

  /** One authorised CASP row. */
  public record Casp(
      long record,
      String authority,
      String homeState,
      String legalName,
      String lei,
      String commercialName,
      String address,
      String website,
      LocalDate authorisedOn,
      LocalDate endedOn,
      List<String> services,
      Set<String> hostStates,
      String comments,
      LocalDate lastUpdate,
      List<String> defects) {
    public Casp {
      services = List.copyOf(services);
      hostStates = Set.copyOf(hostStates);
      defects = List.copyOf(defects);
    }

    /** Active unless the register gives an end date on or before {@code day}. */
    public boolean activeOn(LocalDate day) {
      return endedOn == null || endedOn.isAfter(day);
    }
  }

  /** One non-compliant entity row (the MiCA Art. 110 warning list). */
  public record NonCompliant(
      long record,
      String authority,
      String homeState,
      String legalName,
      String lei,
      String commercialName,
      List<String> websites,
      String reason,
      LocalDate decidedOn,
      String comments,
      LocalDate lastUpdate) {
    public NonCompliant {
      websites = List.copyOf(websites);
    }

    /** The first link in the comments (often the authority's warning page), or null. */
    public String warningUrl() {
      Matcher m = URL.matcher(comments == null ? "" : comments);
      return m.find() ? m.group() : null;
    }
  }

  /**
   * A parsed file.
   *
   * @param rows the usable rows, whole-row duplicates removed
   * @param records data records read
   * @param skipped records that could not be used, with the reason
   * @param truncated true when the last record is short, as in a cut-off download
   */
  public record Snapshot<T>(List<T> rows, long records, List<String> skipped, boolean truncated) {
    public Snapshot {
      rows = List.copyOf(rows);
      skipped = List.copyOf(skipped);
    }

    /** True when an absence from this file can be trusted. */
    public boolean complete() {
      return skipped.isEmpty() && !truncated;
    }
  }

  /** Parses {@code CASPS.csv}. */
  public static Snapshot<Casp> casps(InputStream in, String source)
      throws IOException, SourceException {
    List<Casp> rows = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    List<String> skipped = new ArrayList<>();
    boolean[] lastShort = {false};
    Table.Shape shape =
        Table.read(
            in,
            ',',
            source,
            List.of(LEI_NAME, LEI, AUTHORISED, ENDED),
            row -> {
              List<String> values = repairBleed(row);
              lastShort[0] = values.size() < row.width() - 1;
              if (!seen.add(values)) {
                return;
              }
              try {
                rows.add(casp(row, values));
              } catch (IllegalArgumentException e) {
                skipped.add("record " + row.number() + ": " + e.getMessage());
              }
            });
    if (shape.records() == 0) {
      throw Payloads.malformed(source, "CASPS.csv has a header but no records");
    }
    return new Snapshot<>(rows, shape.records(), skipped, lastShort[0]);
  }

  /** Parses {@code NCASP.csv}. */
  public static Snapshot<NonCompliant> nonCompliant(InputStream in, String source)
      throws IOException, SourceException {
    List<NonCompliant> rows = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    List<String> skipped = new ArrayList<>();
    boolean[] lastShort = {false};
    Table.Shape shape =
        Table.read(
            in,
            ',',
            source,
            List.of(LEI_NAME, COMMERCIAL, DECISION),
            row -> {
              lastShort[0] = row.size() < row.width();
              if (!seen.add(row.values())) {
                return;
              }
              String name = row.get(LEI_NAME);
              String brand = row.get(COMMERCIAL);
              if (name.isEmpty() && brand.isEmpty()) {
                skipped.add("record " + row.number() + ": no entity or commercial name");
                return;
              }
              String reason = row.get(REASON);
              rows.add(
                  new NonCompliant(
                      row.number(),
                      authority(row.get(AUTHORITY)),
                      Countries.normalise(row.get(HOME)),
                      name.isEmpty() ? brand : name,
                      lei(row.get(LEI)),
                      brand.isEmpty() ? null : brand,
                      websites(row.get(WEBSITE)),
                      reason.isEmpty() || reason.equalsIgnoreCase("none") ? null : reason,
                      Dates.dayFirstOrNull(row.get(DECISION)),
                      row.get(NCASP_COMMENTS),
                      Dates.dayFirstOrNull(row.get(NCASP_LAST_UPDATE))));
            });
    return new Snapshot<>(rows, shape.records(), skipped, lastShort[0]);
  }

  private static Casp casp(Table.Row row, List<String> values) {
    List<String> defects = new ArrayList<>();
    String name = cell(row, values, LEI_NAME);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no legal name");
    }
    String rawLei = cell(row, values, LEI);
    String lei = lei(rawLei);
    if (lei == null && !rawLei.isEmpty()) {
      defects.add("invalid LEI '" + rawLei + "'");
    }
    String home = Countries.normalise(cell(row, values, HOME));
    LocalDate authorised = date(cell(row, values, AUTHORISED), "authorisation date", defects);
    LocalDate ended = date(cell(row, values, ENDED), "end date", defects);
    String services = cell(row, values, SERVICES);
    List<String> parsedServices = services(services);
    if (parsedServices.isEmpty() && !services.isEmpty()) {
      defects.add("services not recognised: '" + abbreviate(services) + "'");
    }
    String commercial = cell(row, values, COMMERCIAL).replace('\uFFFD', ' ').trim();
    return new Casp(
        row.number(),
        authority(cell(row, values, AUTHORITY)),
        home,
        name,
        lei,
        commercial.isEmpty() ? null : commercial,
        LINE_BREAK.matcher(cell(row, values, ADDRESS)).replaceAll(", "),
        cell(row, values, WEBSITE),
        authorised,
        ended,
        parsedServices,
        Countries.list(cell(row, values, HOSTS)),
        cell(row, values, COMMENTS),
        date(cell(row, values, LAST_UPDATE), "last update", defects),
        defects);
  }

  /**
   * Undoes column bleed: an unquoted comma in an address splits it over extra cells and pushes
   * every later column right. A record longer than the header has its surplus folded back into the
   * address.
   */
  static List<String> repairBleed(Table.Row row) {
    List<String> values = row.values();
    int surplus = values.size() - row.width();
    int address = row.index(ADDRESS);
    if (surplus <= 0 || address < 0 || address + surplus >= values.size()) {
      return values;
    }
    List<String> repaired = new ArrayList<>(values.subList(0, address));
    repaired.add(String.join(",", values.subList(address, address + surplus + 1)));
    repaired.addAll(values.subList(address + surplus + 1, values.size()));
    return repaired;
  }

  private static String cell(Table.Row row, List<String> values, String column) {
    int index = row.index(column);
    return index < 0 || index >= values.size() ? "" : values.get(index).trim();
  }

  private static LocalDate date(String text, String what, List<String> defects) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Dates.dayFirst(text);
    } catch (IllegalArgumentException e) {
      defects.add(what + " unreadable: '" + text + "'");
      return null;
    }
  }

  /** A cleaned LEI (trimmed, dots and spaces removed, upper case), or null when not plausible. */
  public static String lei(String raw) {
    if (raw == null) {
      return null;
    }
    String cleaned = LEI_NOISE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    return LEI_PATTERN.matcher(cleaned).matches() ? cleaned : null;
  }

  /** Authority names trimmed with runs of spaces collapsed (CONSOB appears with two spellings). */
  static String authority(String raw) {
    return SPACES.matcher(raw.replace('\u00A0', ' ').trim()).replaceAll(" ");
  }

  /**
   * The MiCA services named in a free-text list: by letter where given, else by keywords. Returns
   * them in letter order as {@code "c. exchange of crypto-assets for funds"}.
   */
  public static List<String> services(String text) {
    Set<Integer> letters = new java.util.TreeSet<>();
    Matcher m = SERVICE_LETTER.matcher(text);
    while (m.find()) {
      letters.add(m.group(1).charAt(0) - 'a');
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < SERVICE_KEYWORDS.size(); i++) {
      for (String keyword : SERVICE_KEYWORDS.get(i)) {
        if (lower.contains(keyword)) {
          letters.add(i);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int i : letters) {
      out.add((char) ('a' + i) + ". " + SERVICE_NAMES.get(i));
    }
    return out;
  }

  /** The URLs of a '|'-separated website cell, with the known typos ({@code ttps://}) fixed. */
  static List<String> websites(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : text.split("\\|")) {
      String url = part.trim();
      if (url.isEmpty()) {
        continue;
      }
      if (url.startsWith("ttps://")) {
        url = "h" + url;
      } else if (url.startsWith("https.//")) {
        url = "https://" + url.substring(8);
      }
      out.add(url);
    }
    return List.copyOf(out);
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
