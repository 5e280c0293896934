// Which seeds a claim test runs. The default run (`npm test`) checks each claim on its first seed
// only, to stay affordable; `CLAIMS=all npm run test:unit -- tests/claims` checks every seed the
// text speaks of, and the long runs some claims quote.

/** True when the claim tests should run everything they can (`CLAIMS=all`). */
export const ALL_CLAIMS = process.env.CLAIMS === 'all';

/** `all` under {@link ALL_CLAIMS}, otherwise only its first seed. */
export function claimSeeds(all: readonly number[]): number[] {
  if (all.length === 0) throw new Error('claimSeeds: no seeds given.');
  return ALL_CLAIMS ? [...all] : all.slice(0, 1);
}
