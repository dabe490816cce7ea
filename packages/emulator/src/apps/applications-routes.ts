import type { TokenRecord } from '../auth/tokens.ts';
import type { CoreParts } from '../core/core.ts';
import { text } from '../features/input.ts';
import { parameterValidationFailure, ucwaError } from '../http/errors.ts';
import type { Reply } from '../http/types.ts';
import type { InputBody } from '../wire/codec.ts';
import { applicationResource, applicationsResource } from './application-resource.ts';

/** GET on the applications collection. */
export function listApplications(core: CoreParts, token: TokenRecord, href: string): Reply {
  return {
    kind: 'resource',
    status: 200,
    resource: applicationsResource(core, token.user.address, href),
  };
}

/**
 * POST on applications (CreateAnApplication.md step 9): `UserAgent`, `EndpointId`,
 * `Culture` (any case, as every input), optional `type` and `instanceId` (MultiTabSupport.md).
 */
export function createApplication(
  core: CoreParts,
  token: TokenRecord,
  input: InputBody | undefined,
): Reply {
  const userAgent = text(input, 'userAgent');
  const endpointId = text(input, 'endpointId');
  const missing = [
    ...(userAgent === undefined ? [{ name: 'UserAgent', value: '' }] : []),
    ...(endpointId === undefined ? [{ name: 'EndpointId', value: '' }] : []),
  ];
  if (userAgent === undefined || endpointId === undefined)
    return parameterValidationFailure(missing);
  if (core.options.blockedUserAgents.some((ua) => ua.toLowerCase() === userAgent.toLowerCase())) {
    return ucwaError(403, 'UserAgentNotAllowed', {
      message: `User agent ${userAgent} is not allowed.`,
    });
  }
  const result = core.registry.create({
    user: token.user,
    userAgent,
    endpointId,
    culture: text(input, 'culture') ?? 'en-US',
    type: text(input, 'type') ?? 'Browser',
    instanceId: text(input, 'instanceId'),
    anonymous: token.anonymous,
    conferenceUri: token.conferenceUri,
  });
  if (result.kind === 'too-many') {
    return ucwaError(409, 'TooManyApplications', {
      message: 'There are too many applications for this user.',
    });
  }
  const resource = applicationResource(core, result.app, result.instanceId);
  return {
    kind: 'resource',
    status: result.kind === 'created' ? 201 : 200,
    resource,
    headers: [['Location', resource.href]],
  };
}
