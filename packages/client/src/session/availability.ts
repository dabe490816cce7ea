import { isResource, type Resource } from '@ucwa/model';
import { isUcwaHttpError } from '@ucwa/transport';
import type { InputOf } from '../navigation/types.ts';
import { invokeLink } from './invoke.ts';
import type { SessionCore } from './session-core.ts';

/** The input of `makeMeAvailable`, typed from the catalog. */
export type MakeMeAvailableInput = InputOf<'makeMeAvailable'>;

const DEFAULT_ACTIVITY_INTERVAL = 180_000;

/** The current `me`: read again from the server, so links that came with availability show. */
export async function currentMe(core: SessionCore, fresh = false): Promise<Resource<'me'>> {
  const embedded = core.application.embedded.me;
  const href = embedded?.href ?? core.application.links.me?.href;
  if (href === undefined)
    throw new TypeError('the application has neither an embedded me nor a me link');
  const me = await core.store.read(href, { fresh });
  if (!isResource(me, 'me')) throw new TypeError(`${href} is a ${me.rel} resource, not me`);
  return me;
}

/**
 * makeMeAvailable (Me tasks): POSTs it, re-reads `me` (the copy embedded in the
 * application predates it), starts `reportMyActivity` and remembers the input so a
 * recreated application is made available again.
 */
export async function makeMeAvailable(
  core: SessionCore,
  input: MakeMeAvailableInput,
): Promise<Resource<'me'>> {
  const me = await currentMe(core, true);
  try {
    // Without a makeMeAvailable link the user is available already (me's links follow it).
    if (me.links.makeMeAvailable !== undefined)
      await invokeLink(core, me, 'makeMeAvailable', input);
  } catch (error) {
    // Already available (another call, or a restore racing one): that is the goal.
    if (!(isUcwaHttpError(error) && error.status === 409)) throw error;
  }
  core.restorers.set('availability', async () => {
    await makeMeAvailable(core, input);
  });
  scheduleActivity(core);
  return currentMe(core, true);
}

/** Keeps the user active: `reportMyActivity` every interval, well inside the idle limit. */
export function scheduleActivity(core: SessionCore): void {
  const { timers, options } = core.cfg;
  timers.clearTimeout(core.activityTimer);
  core.activityTimer = timers.setTimeout(() => {
    core.activityTimer = undefined;
    void reportActivity(core).finally(() => {
      if (core.status.current.state !== 'signedOut' && core.activityTimer === undefined) {
        scheduleActivity(core);
      }
    });
  }, options.activityInterval ?? DEFAULT_ACTIVITY_INTERVAL);
}

async function reportActivity(core: SessionCore): Promise<void> {
  if (core.status.current.state !== 'ready') return;
  try {
    const me = await currentMe(core);
    await invokeLink(core, me, 'reportMyActivity');
  } catch (error) {
    // 409 MakeMeAvailableRequired: the server forgot; make the user available again.
    const restore = core.restorers.get('availability');
    if (isUcwaHttpError(error) && error.status === 409 && restore !== undefined) {
      await restore('resumed').catch(() => {});
    }
  }
}
