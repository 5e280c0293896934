// Rows of the backend report figure: what the browser offers, what was tried, what was chosen.
import {
  BACKEND_LABELS,
  BACKEND_NAMES,
  type BackendChoice,
  type BackendName,
} from '../core/backend';

/** One row of the report table. */
export interface BackendReportRow {
  name: BackendName;
  label: string;
  /** "yes — <detail>" or "no — <why>". */
  offered: string;
  /** "hardware", "software" or "—" where not applicable. */
  kind: string;
  /** The verification outcome, or "not tried". */
  check: string;
  chosen: boolean;
}

/**
 * Builds one row per backend from a backend choice.
 *
 * @param choice - the result of `selectBackend`
 */
export function backendReportRows(choice: BackendChoice): BackendReportRow[] {
  return BACKEND_NAMES.map((name) => {
    const capability = choice.capabilities.find((c) => c.name === name);
    const attempt = choice.attempts.find((a) => a.name === name);
    const gpu = name === 'webgpu' || name === 'webgl';
    return {
      name,
      label: BACKEND_LABELS[name],
      offered: capability
        ? `${capability.available ? 'yes' : 'no'} — ${capability.detail}`
        : 'not probed',
      kind: gpu && capability?.available ? (capability.software ? 'software' : 'hardware') : '—',
      check: attempt
        ? attempt.ok
          ? `passed in ${attempt.ms.toFixed(0)} ms`
          : `failed: ${attempt.error}`
        : 'not tried',
      chosen: choice.backend === name,
    };
  });
}
