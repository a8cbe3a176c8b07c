// Where a person lives, as lists and exports print it: "桃洪镇 松岭村".
// Village names repeat across townships, so a village never stands alone; a
// person registered at township level shows the township once.

export type PlaceNames = { townshipName: string | null | undefined; villageName: string | null | undefined; divisionCode?: string };

export function placeName(p: PlaceNames): string {
  const village = p.villageName ?? (p.divisionCode ? `${p.divisionCode}（区划已撤销）` : "");
  if (!p.townshipName || p.townshipName === p.villageName) return village;
  return `${p.townshipName} ${village}`;
}
