// Which parameters the page has sent to its training host, and whether the figure's current ones
// differ: a key-by-key comparison of flat records (src/worker/params.ts), no JSON strings. The
// host then decides, from the experiment's `rebuildOn`, whether a change rebuilds or updates.
import { plainParams, sameParams, type FlatParams } from '../../src/worker/params';

/** The page's side of the parameters: read the figure's, remember what was sent. */
export interface ParamSync<P extends FlatParams> {
  /** The current parameters to create an experiment with, remembered as sent (a plain copy). */
  forCreate(): P;
  /** The current parameters if they differ from the last ones sent (then remembered), else null. */
  changed(): P | null;
}

/** A {@link ParamSync} over `read`, the figure's current parameters. */
export function createParamSync<P extends FlatParams>(read: () => P): ParamSync<P> {
  let sent = plainParams(read());
  return {
    forCreate() {
      sent = plainParams(read());
      return sent;
    },
    changed() {
      const current = read();
      if (sameParams(sent, current)) return null;
      sent = plainParams(current);
      return sent;
    },
  };
}
