const PREFIX = '[邻里共治]'

/**
 * The client logs only warnings and errors, never personal data, and
 * nothing in production builds (Taro sets NODE_ENV at build time).
 */
export function warn(message: string, detail?: unknown): void {
  if (process.env.NODE_ENV === 'production') return
  console.warn(`${PREFIX} ${message}`, detail ?? '')
}
