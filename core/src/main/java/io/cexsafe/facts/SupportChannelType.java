package io.cexsafe.facts;

/** Ways users can reach support. */
public enum SupportChannelType {
  /** Live chat. */
  LIVE_CHAT,
  /** Email. */
  EMAIL,
  /** Telephone. */
  PHONE,
  /** A ticket or web form. */
  TICKET,
  /** A self-service help centre. */
  HELP_CENTRE,
  /** Social media accounts. */
  SOCIAL_MEDIA,
  /** A user community or forum. */
  COMMUNITY
}
