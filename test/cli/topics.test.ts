import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('brief topics', () => {
  it('lists the ten shipped topics', async () => {
    const result = await runCli(['topics', '--json']);
    expect(result.code).toBe(0);
    const ids = JSON.parse(result.stdout).map((topic: { id: string }) => topic.id);
    expect(ids).toEqual([
      'battlefield-technology',
      'energy-infrastructure',
      'eu-accession',
      'front-line',
      'reconstruction-finance',
      'russia-china',
      'security-guarantees',
      'spain-politics',
      'strikes-on-cities',
      'us-policy',
    ]);
  });

  it('prints one line per topic with its title', async () => {
    const { stdout } = await runCli(['topics']);
    expect(stdout.split('\n')).toHaveLength(10);
    expect(stdout).toMatch(/^russia-china\s+Russia–China ties\s+\(\d+ terms, \d+ entities; /m);
  });
});
