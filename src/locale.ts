/** The languages the bot speaks: Vietnamese first, English beside. One type, read by every layer. */
export type Locale = "vi" | "en";
