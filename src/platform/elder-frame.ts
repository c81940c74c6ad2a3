/**
 * Elder mode outside the page: on H5 the tab bar is part of the web page
 * but lies outside every screen's root, so it takes the mode from a class
 * on the document. In the mini-program the tab bar is WeChat's own and
 * follows the client's 关怀模式; there is nothing for us to change.
 */
const ELDER_CLASS = 'elder-mode'

export function markElderMode(elder: boolean): void {
  if (process.env.TARO_ENV !== 'h5') return
  document.documentElement.classList.toggle(ELDER_CLASS, elder)
}
