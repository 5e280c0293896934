// Which seeds a claim file trains: `npm test` runs the first only (pinning its values), CLAIMS=all all of them.
/** The seeds to run out of `all`: every one when CLAIMS=all is set, else the first alone. */
export function claimSeeds(all: readonly number[]): number[] {
  if (all.length === 0) throw new Error('claimSeeds: no seeds given.');
  return process.env.CLAIMS === 'all' ? [...all] : all.slice(0, 1);
}
