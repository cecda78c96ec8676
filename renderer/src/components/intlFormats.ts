/**
 * An Intl formatter costs about a millisecond to make and nothing to reuse: a page of 50 rows that
 * made one per time shown spent a sixth of its render on them. One per locale, kept.
 */
export function perLocale<F>(make: (locale: string | undefined) => F): (locale?: string) => F {
  const made = new Map<string | undefined, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
}
