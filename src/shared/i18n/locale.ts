/** The languages we answer in. Discord sends many locales; everything that is not French gets English. */
export type Locale = "en" | "fr";
