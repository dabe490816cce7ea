import { APPLICATIONS_PATH } from '../apps/application.ts';
import { buildResource } from '../core/resource.ts';
import type { RawReply, ResourceReply } from '../http/types.ts';

/** Discovery paths (RootURL.md, CreateAnApplication.md). */
export const ROOT_PATH = '/Autodiscover/AutodiscoverService.svc/root';
export const INTERNAL_ROOT_PATH = '/Autodiscover/AutodiscoverService.svc/root/internal';
export const USER_PATH = '/Autodiscover/AutodiscoverService.svc/root/oauth/user';
export const XFRAME_PATH = '/Autodiscover/XFrame/XFrame.html';

/**
 * The lyncdiscover root: `self`, `user`, `xframe` (absolute URLs, as a real front end
 * sends), or only `self` and `redirect` when a redirect is configured. The internal root
 * (`lyncdiscoverinternal`) answers the same links from its own self URL.
 */
export function discoveryRoot(origin: string, internal: boolean, redirect?: string): ResourceReply {
  const self = `${origin}${internal ? INTERNAL_ROOT_PATH : ROOT_PATH}?originalDomain=contoso.com`;
  const links =
    redirect === undefined
      ? {
          user: `${origin}${USER_PATH}?originalDomain=contoso.com`,
          xframe: `${origin}${XFRAME_PATH}`,
        }
      : { redirect };
  return {
    kind: 'resource',
    status: 200,
    resource: buildResource({ rel: 'root', href: self, links }),
  };
}

/** The user resource, once authenticated: where the applications live. */
export function userResource(origin: string): ResourceReply {
  return {
    kind: 'resource',
    status: 200,
    resource: buildResource({
      rel: 'user',
      href: `${origin}${USER_PATH}`,
      links: { applications: `${origin}${APPLICATIONS_PATH}`, xframe: `${origin}${XFRAME_PATH}` },
    }),
  };
}

/** A stand-in for the cross-domain frame page. */
export function xframe(): RawReply {
  return {
    kind: 'raw',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>XFrame</title></head><body>UCWA emulator xframe</body></html>',
  };
}
