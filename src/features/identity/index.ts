export { SignIn } from './components/sign-in'
export { SignedIn } from './components/signed-in'
export { VerifyForm } from './components/verify-form'
export {
  connectSession,
  isLive,
  selectProfile,
  useSession,
} from './session-store'
export { ROLE_TEXT, roleSummary } from './role-text'
export { getMe } from './api/get-me'
