/**
 * Text that people type (a notice, a repair report, a note), as the
 * backend stores it. It is shown as text, never as markup, so nothing is
 * escaped here; what goes are the characters nobody can see.
 */

// Control characters other than tab and newline; they can hide text or
// turn it around (a right-to-left override) on screen.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text people type, as stored: plain text, never markup. Nothing is escaped here
 * (the app shows it as a text node, which is what keeps `<script>` a
 * string); only invisible control characters go, and line ends become \n.
 */
export function cleanBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
}

/** A title is one line. */
export function cleanTitle(text: string): string {
  return cleanBody(text).replace(/\s*\n\s*/g, ' ')
}
