/**
 * The auditor's recount of one ballot item:
 *
 *   npm run tally -- FILE                 (FILE "-" reads standard input)
 *   npm run tally -- EXPORT --item ITEM   (a ballot's exported record)
 *
 * Prints the result as JSON. Bad input exits with status 2 and one line on
 * standard error naming the problem. The formats: src/core/tally-input.ts
 * for a yes/no item, src/core/election-input.ts for an election item, and
 * src/core/record-export.ts for a record export (`npm run ledger:export`
 * or the app's full-audit download), recounted from the published roll
 * and each voter's last vote in the record.
 */
import fs from 'node:fs'

import { countElection } from '../src/core/election'
import {
  electionJson,
  electionOutput,
  isElectionInput,
} from '../src/core/election-input'
import {
  isRecordExport,
  readRecordExport,
  tallyInputOf,
} from '../src/core/record-export'
import { tally, TallyInputError } from '../src/core/tally'
import {
  describeTallyProblem,
  tallyJson,
  tallyOutput,
} from '../src/core/tally-input'

const BAD_INPUT = 2

function readSource(file: string): string {
  return file === '-'
    ? fs.readFileSync(0, 'utf8')
    : fs.readFileSync(file, 'utf8')
}

const USAGE =
  'usage: npm run tally -- FILE (use - for stdin), or EXPORT --item ITEM_ID\n'

/** An item's input as it is, or an item of an exported record. */
function recount(value: unknown, itemId: string | undefined) {
  if (!isRecordExport(value)) {
    if (itemId !== undefined) {
      throw new TallyInputError('bad-input', '--item is for a record export')
    }
    return tallyJson(value)
  }
  if (itemId === undefined) {
    const items = readRecordExport(value).ballot.items.map((i) => i.id)
    throw new TallyInputError(
      'bad-input',
      `a record export needs --item (items: ${items.join(', ')})`,
    )
  }
  const input = tallyInputOf(readRecordExport(value), itemId)
  if ('kind' in input) {
    return electionOutput(input, countElection(input, input.units, input.votes))
  }
  return tallyOutput(tally(input.matter, input.units, input.votes))
}

function main(argv: string[]): number {
  const at = argv.indexOf('--item')
  const itemId = at >= 0 ? argv[at + 1] : undefined
  const rest = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv
  const file = rest[0]
  if (rest.length !== 1 || file === undefined || (at >= 0 && !itemId)) {
    process.stderr.write(USAGE)
    return BAD_INPUT
  }

  let text: string
  try {
    text = readSource(file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`tally: cannot read ${file}: ${reason}\n`)
    return BAD_INPUT
  }

  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`tally: not valid JSON: ${reason}\n`)
    return BAD_INPUT
  }

  try {
    const result = isElectionInput(value)
      ? electionJson(value)
      : recount(value, itemId)
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (error) {
    if (!(error instanceof TallyInputError)) throw error
    process.stderr.write(`tally: ${describeTallyProblem(error)}\n`)
    return BAD_INPUT
  }
}

process.exitCode = main(process.argv.slice(2))
