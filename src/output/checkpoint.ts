/**
 * Named points where a test can kill the process (FAULT_AT=<name>) to prove a rerun recovers:
 * after-pdf-temp, after-pdf-rename, before-manifest, after-pending, during-data.
 */
export function checkpoint(name: string): void {
  if (process.env.FAULT_AT === name) process.kill(process.pid, 'SIGKILL');
}
