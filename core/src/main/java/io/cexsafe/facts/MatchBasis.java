package io.cexsafe.facts;

/** How a register entry was tied to the exchange. */
public enum MatchBasis {
  /** By a register identifier (FRN, LEI, ABN, licence number). */
  IDENTIFIER,
  /** By legal name (and address where available) only; weaker. */
  NAME,
  /** Not matched at a register at all: the fact is a claim. */
  CLAIM
}
