package io.cexsafe.facts;

/** Security and privacy certifications. */
public enum CertificationStandard {
  /** ISO/IEC 27001, information security management. */
  ISO_27001,
  /** ISO/IEC 27701, privacy information management. */
  ISO_27701,
  /** ISO/IEC 27017, security controls for cloud services. */
  ISO_27017,
  /** ISO/IEC 27018, protection of personal data in public clouds. */
  ISO_27018,
  /** ISO 22301, business continuity management. */
  ISO_22301,
  /** ISO 9001, quality management. */
  ISO_9001,
  /** SOC 1 Type II: controls over financial reporting, tested over a period. */
  SOC1_TYPE2,
  /** SOC 2 Type I: security controls as designed, at one date. */
  SOC2_TYPE1,
  /** SOC 2 Type II: security controls tested over a period. */
  SOC2_TYPE2,
  /** PCI DSS, the card industry's data security standard. */
  PCI_DSS,
  /** CCSS, the CryptoCurrency Security Standard. */
  CCSS
}
