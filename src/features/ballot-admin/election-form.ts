/**
 * An election item as the organisers fill it in: the kind (committee or
 * tender), seats, picks and the candidates, held as typed text until it
 * is sent. The checks repeat the backend's rules (ELECTION_INVALID in
 * mock-server/services/elections.ts) so that a mistake is shown at the
 * field rather than after a round trip; the backend still decides.
 */
import type {
  CandidateKind,
  CandidateRequest,
  ElectionRequest,
} from '@/core/election-api'
import { MAX_CANDIDATE_DOCUMENTS, MAX_CANDIDATES } from '@/core/election-api'
import type { FileType } from '@/core/files'
import { maskName } from '@/core/person'

/** 'none' is an ordinary 同意/反对/弃权 item. */
export type ElectionKind = 'none' | 'committee' | 'tender'

export const TENDER_SEATS = 1
export const CANDIDATE_NAME_MAX = 60
export const CANDIDATE_STATEMENT_MAX = 500

export interface CandidateFile {
  fileId: string
  /** The signed link, when the file was uploaded in this session. */
  url: string | null
  name: string
  type: FileType | null
}

export interface CandidateForm {
  /** A key for the list only; the backend numbers candidates itself. */
  key: string
  name: string
  statement: string
  photo: CandidateFile | null
  documents: CandidateFile[]
  consent: { name: boolean; photo: boolean; statement: boolean }
}

export interface ElectionForm {
  kind: ElectionKind
  seats: string
  maxPicks: string
  candidates: CandidateForm[]
}

export interface ElectionProblems {
  seats?: string
  maxPicks?: string
  candidates?: string
  /** By candidate key. */
  names: Record<string, string>
}

let nextKey = 0

export function emptyCandidate(): CandidateForm {
  nextKey += 1
  return {
    key: `new-${nextKey}`,
    name: '',
    statement: '',
    photo: null,
    documents: [],
    consent: { name: true, photo: false, statement: true },
  }
}

export function noElection(): ElectionForm {
  return { kind: 'none', seats: '', maxPicks: '', candidates: [] }
}

/** Switching kind keeps the candidates typed so far. */
export function withKind(form: ElectionForm, kind: ElectionKind): ElectionForm {
  if (kind === 'none') return { ...form, kind }
  const seats = kind === 'tender' ? String(TENDER_SEATS) : form.seats || '3'
  const maxPicks = kind === 'tender' ? seats : form.maxPicks || seats
  const candidates =
    form.candidates.length > 0 ? form.candidates : [emptyCandidate()]
  return { kind, seats, maxPicks, candidates }
}

/** The form of an item already saved as an election. */
export function electionFormOf(request: ElectionRequest): ElectionForm {
  const tender = request.candidates.some((c) => c.kind === 'company')
  return {
    kind: tender ? 'tender' : 'committee',
    seats: String(request.seats),
    maxPicks: String(request.maxPicks),
    candidates: request.candidates.map((c, index) => ({
      key: `saved-${index + 1}`,
      name: c.name,
      statement: c.statement,
      photo: c.photoFileId
        ? { fileId: c.photoFileId, url: null, name: '照片', type: null }
        : null,
      documents: c.documentFileIds.map((fileId, i) => ({
        fileId,
        url: null,
        name: `材料 ${i + 1}`,
        type: null,
      })),
      consent: { ...c.consent },
    })),
  }
}

function count(text: string): number | null {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null
}

/** What is wrong with the election settings, or null when nothing is. */
export function electionProblems(form: ElectionForm): ElectionProblems | null {
  if (form.kind === 'none') return null
  const problems: ElectionProblems = { names: {} }
  const seats = count(form.seats)
  const maxPicks = count(form.maxPicks)
  if (seats === null || seats < 1) problems.seats = '应选人数至少 1 名'
  else if (form.kind === 'tender' && seats !== TENDER_SEATS) {
    problems.seats = '选聘物业服务企业只能选出 1 家'
  }
  if (maxPicks === null || maxPicks < 1) {
    problems.maxPicks = '每人至少可选 1 名'
  } else if (seats !== null && maxPicks > seats) {
    problems.maxPicks = '每人可选人数不能多于应选人数'
  }

  // With no more candidates than seats the owners have nothing to choose.
  const needed = Math.max((seats ?? 1) + 1, 2)
  if (form.candidates.length < needed) {
    problems.candidates = `候选人应多于应选人数，请至少填写 ${needed} 名`
  } else if (form.candidates.length > MAX_CANDIDATES) {
    problems.candidates = `候选人最多 ${MAX_CANDIDATES} 名`
  }
  for (const c of form.candidates) {
    if (c.name.trim() === '') problems.names[c.key] = '请填写候选人名称'
  }

  const clean =
    !problems.seats &&
    !problems.maxPicks &&
    !problems.candidates &&
    Object.keys(problems.names).length === 0
  return clean ? null : problems
}

export function candidateKind(kind: ElectionKind): CandidateKind {
  return kind === 'tender' ? 'company' : 'person'
}

/** The request the backend takes; call after electionProblems is null. */
export function electionRequest(
  form: ElectionForm,
): ElectionRequest | undefined {
  if (form.kind === 'none') return undefined
  const kind = candidateKind(form.kind)
  return {
    seats: Number(form.seats),
    maxPicks: Number(form.maxPicks),
    candidates: form.candidates.map((c): CandidateRequest => ({
      kind,
      name: c.name.trim(),
      statement: c.statement.trim(),
      photoFileId: c.photo ? c.photo.fileId : null,
      documentFileIds: c.documents
        .slice(0, MAX_CANDIDATE_DOCUMENTS)
        .map((d) => d.fileId),
      // A company's name and bid are public anyway (elections.ts).
      consent:
        kind === 'company'
          ? { name: true, photo: true, statement: true }
          : { ...c.consent },
    })),
  }
}

/** What owners will see of a person, as the backend masks it. */
export function publishedPreview(c: CandidateForm): string {
  const name = c.consent.name ? c.name.trim() : maskName(c.name.trim())
  const photo = c.photo && c.consent.photo ? '有照片' : '无照片'
  const statement =
    c.statement.trim() && c.consent.statement ? '公开简介' : '不公开简介'
  return `业主看到：${name || '（未填姓名）'} · ${photo} · ${statement}`
}
