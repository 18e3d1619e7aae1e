/**
 * One bench scenario in a process of its own (a clean heap for every figure), started by
 * run.ts: `node --expose-gc --import tsx child.ts <scenario> <json args>`. The result goes
 * back over IPC.
 */
import { saveWindows } from './profileWindows.js';
import { ptyScenarios } from './pty/scenarios.js';
import { scenarios } from './scenarios.js';

const [name, rawArgs = '{}'] = process.argv.slice(2);
const all = { ...scenarios, ...ptyScenarios };
const scenario = all[name as keyof typeof all] as ((a: unknown) => Promise<unknown>) | undefined;
if (!scenario) {
  console.error(`unknown scenario ${name}`);
  process.exit(2);
}
scenario(JSON.parse(rawArgs)).then(
  (result: unknown) => {
    saveWindows();
    process.send?.({ result }, undefined, undefined, () => process.exit(0));
  },
  (err: Error) => {
    console.error(err?.stack ?? err);
    process.exit(1);
  },
);
