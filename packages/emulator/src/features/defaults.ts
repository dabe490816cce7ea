import { communicationFeature } from './communication/communication-feature.ts';
import type { FeatureFactory } from './feature.ts';
import { meFeature } from './me/me-feature.ts';
import { meetingsFeature } from './meetings/meetings-feature.ts';
import { peopleFeature } from './people/people-feature.ts';

/**
 * The resource families every emulator serves unless `options.features` says otherwise.
 * A new family is one more entry here (DESIGN.md).
 */
export const defaultFeatures: readonly FeatureFactory[] = [
  meFeature,
  peopleFeature,
  meetingsFeature,
  communicationFeature,
];
