export { useElderMode } from './elder-mode-store'
export { ElderModeSwitch } from './components/elder-mode-switch'
