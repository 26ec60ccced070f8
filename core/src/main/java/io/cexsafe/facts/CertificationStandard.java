package io.cexsafe.facts;

/** Security and privacy certifications. */
public enum CertificationStandard {
  ISO_27001,
  ISO_27701,
  ISO_27017,
  ISO_27018,
  ISO_22301,
  ISO_9001,
  SOC1_TYPE2,
  SOC2_TYPE1,
  SOC2_TYPE2,
  PCI_DSS,
  CCSS
}
