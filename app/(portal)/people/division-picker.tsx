"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/form";
import type { PeopleFilterOptions } from "@/lib/people/get-people-filter-options";

type Props = { townships: PeopleFilterOptions["townships"]; township?: string; village?: string };

/**
 * 乡镇 then 村: two selects of the user's jurisdiction (the list refuses
 * anything else). Choosing another township clears the village.
 */
export function DivisionPicker({ townships, township, village }: Props) {
  const only = townships.length === 1 ? townships[0]!.code : "";
  const [chosen, setChosen] = useState(township ?? only);
  const [villageCode, setVillageCode] = useState(village ?? "");
  const villages = townships.find((t) => t.code === chosen)?.villages ?? [];
  return (
    <>
      <label className="text-sm">
        乡镇（街道）
        <select
          name="township"
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
            setVillageCode("");
          }}
          className={`${inputClass} block w-40`}
        >
          {townships.length > 1 ? <option value="">全部乡镇</option> : null}
          {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
        </select>
      </label>
      <label className="text-sm">
        村（社区）
        <select name="village" value={villageCode} onChange={(e) => setVillageCode(e.target.value)} disabled={!chosen} className={`${inputClass} block w-40 disabled:bg-slate-100`}>
          <option value="">{chosen ? "全部村（社区）" : "请先选乡镇"}</option>
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </select>
      </label>
    </>
  );
}
