// Rows of the backend report figure: what the browser offers, what was tried, what was chosen.
import {
  BACKEND_LABELS,
  BACKEND_NAMES,
  backendLabel,
  type BackendAttempt,
  type BackendCapability,
  type BackendChoice,
  type BackendName,
} from '../core/backend';

/** One row of the report table. */
export interface BackendReportRow {
  name: BackendName;
  /** The backend's label; for the one in use with its threads ("WebAssembly, 2 threads"). */
  label: string;
  /** "yes — <detail>" or "no — <why>". */
  offered: string;
  /** "hardware", "software", "unknown" (the probe found no GPU that then worked) or "—". */
  kind: string;
  /** The verification outcome, or "not tried". */
  check: string;
  chosen: boolean;
}

/**
 * "Offered": what the probe found, unless the backend then passed its check where the probe had
 * found nothing. The probe looks before TensorFlow.js starts and not always where it will look
 * (WebGL on a page canvas, where TensorFlow.js prefers an OffscreenCanvas), so a passed check
 * overrules it.
 */
function offered(capability: BackendCapability | undefined, attempt: BackendAttempt | undefined) {
  if (!capability) return { text: 'not probed', probeMissed: false };
  if (!capability.available && attempt?.ok) {
    return {
      text: `yes — its check passed, though the probe before it said: ${capability.detail}`,
      probeMissed: true,
    };
  }
  return {
    text: `${capability.available ? 'yes' : 'no'} — ${capability.detail}`,
    probeMissed: false,
  };
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
    const offer = offered(capability, attempt);
    let kind = '—';
    if (gpu && offer.probeMissed) kind = 'unknown';
    else if (gpu && capability?.available) kind = capability.software ? 'software' : 'hardware';
    return {
      name,
      label: choice.backend === name ? backendLabel(name, choice.threads) : BACKEND_LABELS[name],
      offered: offer.text,
      kind,
      check: attempt
        ? attempt.ok
          ? `passed in ${attempt.ms.toFixed(0)} ms`
          : `failed: ${attempt.error}`
        : 'not tried',
      chosen: choice.backend === name,
    };
  });
}
