// Sums the vitest JSON reports of every package into one closing line: "Tests: N passed, M failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let failedFiles = 0;
for (const group of ['apps', 'packages']) {
  for (const name of readdirSync(group)) {
    const file = `${group}/${name}/test-results/vitest.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests?: number;
      numFailedTestSuites: number;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    failedFiles += report.numFailedTestSuites;
  }
}
if (failedFiles > 0) console.log(`${failedFiles} test file(s) failed to run`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || failedFiles > 0 || passed === 0 ? 1 : 0;
