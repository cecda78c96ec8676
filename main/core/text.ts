/**
 * Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069). In a name
 * they make text display in an order other than it was typed ("gnp.exe" shown as "exe.png"), and
 * nobody types them on purpose, so they are taken out of everything people enter or import.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
