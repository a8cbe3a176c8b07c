import { hashPassword } from "@/lib/auth/domain/password";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";

// One hash (one salt) for all demo accounts keeps the first start quick; each
// password reset gives the account its own salt.
export function demoAccountsHash(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}
