import type { Department } from "@/lib/departments/departments";
import type { Role } from "./roles";

/** The signed-in user as reloaded from the database on this request. */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  department: Department;
  role: Role;
  jurisdiction: string;
  status: "active" | "disabled";
};

/**
 * What kind of actor this is, said explicitly rather than guessed from a
 * username or a placeholder id (an account can never pass for the command
 * line): a person signed in through the web ("user"), a hospital system with
 * an API token ("api_token", acting as the token's account), the command line
 * ("cli") and the server itself, e.g. the demo seed ("system"). The last two
 * have no account: `user` then describes the department, role and
 * jurisdiction they act as.
 */
export type ActorKind = "user" | "api_token" | "cli" | "system";

/** Who is acting, and from where: what every use case takes and every audit row records. */
export type Actor = {
  kind: ActorKind;
  user: SessionUser;
  ip: string | null;
  userAgent: string | null;
};

/** True when an account stands behind the actor (a person or their API token). */
export function hasAccount(actor: Actor): boolean {
  return actor.kind === "user" || actor.kind === "api_token";
}

/** The account to record as author (submitted_by, created_by, audit user id): null for the command line and the system. */
export function accountId(actor: Actor): string | null {
  return hasAccount(actor) ? actor.user.id : null;
}

/** An actor for a signed-in person. */
export function userActor(user: SessionUser, ip: string | null, userAgent: string | null): Actor {
  return { kind: "user", user, ip, userAgent };
}
