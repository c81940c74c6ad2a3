/**
 * The auditor's recount of one ballot item:
 *
 *   npm run tally -- FILE        (FILE "-" reads standard input)
 *
 * Prints the result as JSON. Bad input exits with status 2 and one line on
 * standard error naming the problem. The formats: src/core/tally-input.ts
 * for a yes/no item, src/core/election-input.ts for an election item.
 */
import fs from 'node:fs'

import { TallyInputError } from '../src/core/tally'
import { electionJson, isElectionInput } from '../src/core/election-input'
import { describeTallyProblem, tallyJson } from '../src/core/tally-input'

const BAD_INPUT = 2

function readSource(file: string): string {
  return file === '-'
    ? fs.readFileSync(0, 'utf8')
    : fs.readFileSync(file, 'utf8')
}

function main(argv: string[]): number {
  const file = argv[0]
  if (argv.length !== 1 || file === undefined) {
    process.stderr.write('usage: npm run tally -- FILE (use - for stdin)\n')
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
      : tallyJson(value)
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (error) {
    if (!(error instanceof TallyInputError)) throw error
    process.stderr.write(`tally: ${describeTallyProblem(error)}\n`)
    return BAD_INPUT
  }
}

process.exitCode = main(process.argv.slice(2))
