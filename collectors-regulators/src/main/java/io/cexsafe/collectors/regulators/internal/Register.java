package io.cexsafe.collectors.regulators.internal;

import java.net.URI;
import java.time.Duration;

/**
 * What a register is, for facts and messages.
 *
 * @param id the source id in settings, e.g. {@code fca}
 * @param jurisdiction ISO alpha-2 code
 * @param regulator short name, e.g. {@code FCA}
 * @param title the register's name
 * @param page the public page of the register
 * @param freshFor how long a reading stays fresh
 * @param scope what the register covers, for search records
 * @param keepsHistory true when the register dates its entries, so a past as-of can be read from
 *     today's copy; false when it shows only the current state
 */
public record Register(
    String id,
    String jurisdiction,
    String regulator,
    String title,
    URI page,
    Duration freshFor,
    String scope,
    boolean keepsHistory) {
  public static final Register FCA =
      new Register(
          "fca",
          "GB",
          "FCA",
          "FCA Financial Services Register",
          URI.create("https://register.fca.org.uk/s/"),
          Duration.ofDays(7),
          "UK firms authorised or registered by the FCA, and its unauthorised-firm warnings",
          false);
  public static final Register ESMA =
      new Register(
          "esma",
          "EU",
          "ESMA",
          "ESMA interim MiCA register",
          URI.create(
              "https://www.esma.europa.eu/esmas-activities/digital-finance-and-innovation/markets-crypto-assets-regulation-mica"),
          Duration.ofDays(14),
          "CASPs authorised under MiCA in the EU/EEA, with dates, and the MiCA non-compliant entities list",
          true);
  public static final Register FINCEN =
      new Register(
          "fincen",
          "US",
          "FinCEN",
          "FinCEN MSB Registrant Search",
          URI.create("https://www.fincen.gov/msb-registrant-search"),
          Duration.ofDays(30),
          "US money services businesses registered with FinCEN",
          false);
  public static final Register VARA =
      new Register(
          "vara",
          "AE",
          "VARA",
          "VARA public register",
          URI.create("https://www.vara.ae/en/licenses-and-register/public-register/"),
          Duration.ofDays(30),
          "virtual asset service providers licensed by VARA in Dubai",
          false);
  public static final Register AUSTRAC =
      new Register(
          "austrac",
          "AU",
          "AUSTRAC",
          "AUSTRAC virtual asset service provider register",
          URI.create("https://online.apps.austrac.gov.au/vaspr"),
          Duration.ofDays(30),
          "digital currency exchange providers registered with AUSTRAC",
          false);
  public static final Register MAS =
      new Register(
          "mas",
          "SG",
          "MAS",
          "MAS Financial Institutions Directory",
          URI.create("https://eservices.mas.gov.sg/fid"),
          Duration.ofDays(30),
          "major payment institutions licensed by MAS for digital payment token services",
          false);
  public static final Register FINTRAC =
      new Register(
          "fintrac",
          "CA",
          "FINTRAC",
          "FINTRAC MSB registry",
          URI.create("https://fintrac-canafe.canada.ca/msb-esm/public/msb-search/search-by-name/"),
          Duration.ofDays(30),
          "money services businesses registered with FINTRAC in Canada",
          false);
}
