/**
 * The layers of src are enforced by lint (eslint.config.mjs, LAYERS): a wrong arrow must fail `npm run lint`.
 * Each case lints a deliberate violation as if it were a file of that layer, with the project's real config,
 * in a plain Node process (ESLint's flat config is ESM, which jest's CommonJS runtime cannot load).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Case {
  file: string;
  code: string;
}

interface Verdict {
  file: string;
  errors: string[];
}

const root = path.join(__dirname, '..', '..', '..');

function lint(cases: Case[]): Verdict[] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(process.argv[1]);
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.code, { filePath: c.file });
        out.push({ file: c.file, errors: result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId + ': ' + m.message) });
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: root, encoding: 'utf8' }));
}

const restricted = (verdict: Verdict) => verdict.errors.filter((e) => e.startsWith('no-restricted-imports'));

describe('lint enforces the layers of src', () => {
  const violations: Case[] = [
    { file: 'src/domain/violation.ts', code: "import { planCalls } from '../graph/batch';\nexport const x = planCalls;\n" },
    { file: 'src/domain/triage/violation.ts', code: "import type { OfficeHost } from '../../office/host';\nexport type X = OfficeHost;\n" },
    { file: 'src/ui/filing/Violation.tsx', code: "import { GraphRequestError } from '../../graph/errors';\nexport const x = GraphRequestError;\n" },
    { file: 'src/ui/filing/Violation2.tsx', code: "import type { TrailStore } from '../../record/trailStore';\nexport type X = TrailStore;\n" },
    { file: 'src/ui/shell/Violation.tsx', code: "import type { Client } from '@microsoft/microsoft-graph-client';\nexport type X = Client;\n" },
    { file: 'src/ui/shell/Violation3.tsx', code: "import { OfficeJsHost } from '../../office/officeJsHost';\nexport const x = OfficeJsHost;\n" },
    { file: 'src/services/filing/violation.ts', code: "import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n" },
    { file: 'src/graph/violation.ts', code: "import { DAILY_SCOPES } from '../auth/scopes';\nexport const x = DAILY_SCOPES;\n" },
    { file: 'src/graph/middleware/violation.ts', code: "import type { TrailStore } from '../../record/trailStore';\nexport type X = TrailStore;\n" },
    { file: 'src/record/violation.ts', code: "import type { FilingRuntime } from '../services/filingRuntime';\nexport type X = FilingRuntime;\n" },
    { file: 'src/services/violation.ts', code: "import { App } from '../ui/shell/App';\nexport const x = App;\n" },
  ];
  const allowed: Case[] = [
    { file: 'src/ui/filing/Allowed.tsx', code: "import type { OfficeHost } from '../../office/host';\nimport type { Entity } from '../../domain/entities';\nexport type X = [OfficeHost, Entity];\n" },
    { file: 'src/services/allowed.ts', code: "import { planCalls } from '../graph/batch';\nimport type { TrailStore } from '../record/trailStore';\nexport const x = planCalls;\nexport type Y = TrailStore;\n" },
    { file: 'src/graph/allowed.ts', code: "import { Client } from '@microsoft/microsoft-graph-client';\nimport { cutAt } from '../domain/text';\nexport const x = [Client, cutAt];\n" },
  ];

  const shape: Case[] = [
    { file: 'src/ui/filing/Long.tsx', code: Array.from({ length: 251 }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n' },
    {
      file: 'src/ui/filing/useSuppressed.ts',
      code: "import { useEffect } from 'react';\nexport function useX(a: number) {\n  // eslint-disable-next-line react-hooks/exhaustive-deps\n  useEffect(() => void a, []);\n}\n",
    },
  ];

  let verdicts: Verdict[];
  beforeAll(() => {
    verdicts = lint([...violations, ...allowed, ...shape]);
  }, 60_000);

  it('a component file over 250 lines is a lint error', () => {
    expect(verdicts.find((v) => v.file.endsWith('Long.tsx'))!.errors).toEqual([expect.stringMatching(/^max-lines:/)]);
  });

  it('a hooks-rule suppression does not suppress: the rule still fails lint', () => {
    expect(verdicts.find((v) => v.file.endsWith('useSuppressed.ts'))!.errors).toEqual([expect.stringMatching(/^react-hooks\/exhaustive-deps:/)]);
  });

  it.each(violations.map((c) => c.file))('a wrong arrow from %s is a lint error', (file) => {
    const verdict = verdicts.find((v) => v.file.endsWith(file))!;
    expect(restricted(verdict)).toHaveLength(1);
  });

  it.each(allowed.map((c) => c.file))('arrows pointing down from %s pass', (file) => {
    const verdict = verdicts.find((v) => v.file.endsWith(file))!;
    expect(restricted(verdict)).toEqual([]);
  });
});
