import type { SlackInstallationLookup } from "../../services/slack-installation-store.js";

/**
 * Whose installation a verified Slack request is for: its team, and its org for Enterprise Grid. Commands carry
 * `team_id` and `enterprise_id` as form fields, events at the top level, interactions inside `team` / `enterprise`
 * (with `user.team_id` when an org-wide install leaves `team` empty). Undefined when the request names neither.
 */
export function installationLookupOf(body: Record<string, unknown>): SlackInstallationLookup | undefined {
  const team = objectAt(body, "team");
  const enterprise = objectAt(body, "enterprise");
  const firstAuthorization = Array.isArray(body.authorizations) ? asObject(body.authorizations[0]) : undefined;
  const teamId = text(body.team_id) ?? text(team?.id) ?? text(objectAt(body, "user")?.team_id);
  const enterpriseId = text(body.enterprise_id) ?? text(enterprise?.id) ?? text(firstAuthorization?.enterprise_id);
  const flag = body.is_enterprise_install ?? firstAuthorization?.is_enterprise_install;
  const isEnterpriseInstall = flag === true || flag === "true";
  if (!teamId && !enterpriseId) return undefined;
  return {
    ...(teamId ? { teamId } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    isEnterpriseInstall,
  };
}

function objectAt(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  return asObject(body[key]);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
