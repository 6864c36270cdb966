import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { workflowDefinitions } from '../../libs/runtime/src/workflow-catalog';

/**
 * The engine is the only path that changes a workflow entity: every other UPDATE of a
 * workflow table must compare the version (`WHERE ... version = $n`), so that it cannot
 * land on a state it did not read, or be named here with the reason it need not.
 */
const ALLOWED: { file: string; statement: RegExp; why: string }[] = [
  {
    file: 'libs/outbox/src/outbox.repository.ts',
    statement: /^UPDATE \$\{[\w.]+\} SET delivery_status = '\w+'/,
    why: 'delivery health, not lifecycle: a column of its own that the engine does not own (STYLE: state and delivery_status are separate)',
  },
  {
    file: 'libs/matching/src/privacy/candidate-privacy.service.ts',
    statement: /^UPDATE candidate SET \$\{ERASED\} WHERE id = ANY\(\$1\)/,
    why: 'erasure of personal fields (GDPR art. 17) must work in every state and leaves state and version alone',
  },
  {
    file: 'libs/probe/src/probe.service.ts',
    statement: /^UPDATE probe SET fail_permanently = false/,
    why: "the operator's self-test switch, not a workflow field",
  },
  // Behaviour writes (apply) of workflows outside matching: they run inside the engine's
  // transition, before its compare-and-set, so a lost race rolls them back. Their owners
  // may add `AND version = $n` (as matching's behaviours do) and drop the entry.
  { file: 'libs/contracts/src/tenders/tender.writes.ts', statement: /^UPDATE tender SET (no_meeting_reason|closed_reason) = \$2 WHERE id = \$1/, why: 'tender behaviour write' },
  { file: 'libs/followup/src/reviews/review.workflow.ts', statement: /^UPDATE review SET (supplier_note|discussion) = \$2/, why: 'review behaviour write' },
  {
    file: 'libs/followup/src/upskilling/upskilling-participant.workflow.ts',
    statement: /^UPDATE upskilling_participant SET end_date = \$2/,
    why: 'upskilling participant behaviour write',
  },
];

// jest runs from the repository's root (package.json's test script).
const root = process.cwd();
const workflowTables = new Set(workflowDefinitions.map((definition) => definition.tableName));

/** An UPDATE of a named table, or of one whose name is interpolated (which may be a workflow table). */
const UPDATE = /(?<!\b(?:FOR|DO)\s+)\bUPDATE\s+(?:ONLY\s+)?(\$\{[^}]+\}|[a-z_][a-z0-9_]*)(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s+SET\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Every string and template literal of a file, as written (templates with their `${...}`). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.getText(source).slice(1, -1));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The statement from its UPDATE to the end of the string, or to the bracket that closes its CTE. */
function statementAt(sql: string, start: number): string {
  let depth = 0;
  for (let i = start; i < sql.length; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth < 0) return sql.slice(start, i);
    else if (sql[i] === ';' && depth === 0) return sql.slice(start, i);
  }
  return sql.slice(start);
}

const comparesVersion = (statement: string) => /\bWHERE\b[\s\S]*\b(?:\w+\.)?version\s*=/.test(statement);

interface Write {
  file: string;
  statement: string;
}

function workflowTableWrites(): Write[] {
  return sourceFiles(path.join(root, 'libs')).flatMap((full) => {
    const file = path.relative(root, full).split(path.sep).join('/');
    return literals(full).flatMap((sql) =>
      [...sql.matchAll(UPDATE)]
        .filter((match) => match[1].startsWith('${') || workflowTables.has(match[1]))
        .map((match) => ({ file, statement: statementAt(sql, match.index).replace(/\s+/g, ' ').trim() })),
    );
  });
}

describe('#11.8: workflow tables change only through the engine', () => {
  const writes = workflowTableWrites();
  const allowedEntry = (write: Write) => ALLOWED.find((entry) => entry.file === write.file && entry.statement.test(write.statement));

  it('knows the workflow tables and finds the engine\'s own compare-and-set', () => {
    expect([...workflowTables].sort()).toEqual(['candidate', 'job_order', 'placement', 'probe', 'review', 'tender', 'upskilling_participant']);
    expect(writes.some((write) => write.file === 'libs/workflow/src/engine/workflow-engine.service.ts' && comparesVersion(write.statement))).toBe(true);
  });

  it('#11.8: every other UPDATE of a workflow table compares the version, or is on the commented allow-list', () => {
    const offenders = writes.filter((write) => !comparesVersion(write.statement) && !allowedEntry(write));
    expect(offenders).toEqual([]);
  });

  it('keeps no allow-list entry that no longer matches a statement', () => {
    const unused = ALLOWED.filter((entry) => !writes.some((write) => write.file === entry.file && entry.statement.test(write.statement) && !comparesVersion(write.statement)));
    expect(unused.map((entry) => `${entry.file}: ${entry.statement}`)).toEqual([]);
  });
});
