import { requireContext } from "@/lib/auth/current-actor";
import { getRegisterCorrectionOptions } from "@/lib/people/get-register-correction-options";
import { correctRegisterAction } from "./register-actions";
import { RegisterCorrectionForm } from "./register-correction-form";

/** The correction form, for users who may correct the register (医保 reviewer and manager). */
export async function RegisterCorrection({ personId, name, divisionCode }: { personId: string; name: string; divisionCode: string }) {
  const townships = await getRegisterCorrectionOptions(await requireContext());
  if (!townships) return null;
  return <RegisterCorrectionForm name={name} divisionCode={divisionCode} townships={townships} action={correctRegisterAction.bind(null, personId)} />;
}
