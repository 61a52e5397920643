import type { Role } from "./roles";

/**
 * The permission matrix (R2): each action names the roles allowed to do it.
 * Host resources follow the same `resource:verb` shape.
 */
export const PERMISSIONS = {
  "organization:read": ["OWNER", "ADMIN", "USER", "VIEWER"],
  "organization:update": ["OWNER", "ADMIN"],
  "users:manage": ["OWNER", "ADMIN"],
  "invitations:manage": ["OWNER", "ADMIN"],
  "audit:read": ["OWNER", "ADMIN"],
  "ownership:transfer": ["OWNER"],
  "endpoint:read": ["OWNER", "ADMIN", "USER", "VIEWER"],
  "endpoint:create": ["OWNER", "ADMIN", "USER"],
  "endpoint:update": ["OWNER", "ADMIN", "USER"],
  "endpoint:delete": ["OWNER", "ADMIN", "USER"],
  "target:read": ["OWNER", "ADMIN", "USER", "VIEWER"],
  "target:create": ["OWNER", "ADMIN", "USER"],
  "target:update": ["OWNER", "ADMIN", "USER"],
  "target:delete": ["OWNER", "ADMIN", "USER"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export type PermissionMatrix<A extends string = string> = Readonly<Record<A, readonly Role[]>>;

/** Whether `role` may perform `action` under orgkit's own matrix. */
export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/**
 * Extends the matrix with a host's own resource actions.
 * A VIEWER can never be granted a mutating action (R2): only `…:read` may list it.
 *
 * @example
 * const { can } = definePermissions({ "report:export": ["OWNER", "ADMIN"] });
 * can("ADMIN", "report:export"); // true
 * can("USER", "endpoint:update"); // true, orgkit's own actions stay available
 */
export function definePermissions<A extends string>(extra: PermissionMatrix<A>) {
  for (const [action, roles] of Object.entries<readonly Role[]>(extra)) {
    if (action in PERMISSIONS) throw new Error(`Action "${action}" is already defined`);
    if (!action.endsWith(":read") && roles.includes("VIEWER")) {
      throw new Error(`VIEWER can mutate nothing: remove it from "${action}"`);
    }
  }
  const matrix: PermissionMatrix<Action | A> = { ...PERMISSIONS, ...extra };
  return {
    matrix,
    can: (role: Role, action: Action | A): boolean => matrix[action].includes(role),
  };
}
